package ai.ibl.suite.mentor.chat;

import io.vertx.core.json.JsonObject;

/** The frames the relay itself writes, in the protocol's shapes. */
final class ChatFrames {
  static final String STOPPED = new JsonObject().put("detail", "Stopped").encode();

  private ChatFrames() {}

  static String error(String message) {
    return new JsonObject().put("error", message).encode();
  }

  static String error(String message, int statusCode) {
    return new JsonObject().put("error", message).put("status_code", statusCode).encode();
  }
}
