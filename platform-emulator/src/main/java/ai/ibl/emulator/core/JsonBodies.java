package ai.ibl.emulator.core;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reading request bodies as the upstreams do: JSON objects, or a 400 answered here. */
public final class JsonBodies {
  private JsonBodies() {}

  /** The body as a JSON object, or null after answering 400 (as Django REST framework would). */
  public static JsonObject object(RoutingContext rc) {
    try {
      JsonObject body = rc.body() == null ? null : rc.body().asJsonObject();
      if (body == null) {
        Replies.detail(rc, 400, "JSON parse error - Expecting value: line 1 column 1 (char 0)");
      }
      return body;
    } catch (DecodeException | ClassCastException e) {
      Replies.detail(rc, 400, "JSON parse error - the body is not a JSON object.");
      return null;
    }
  }
}
