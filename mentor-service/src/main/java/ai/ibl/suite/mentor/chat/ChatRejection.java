package ai.ibl.suite.mentor.chat;

/** A prompt or stop the relay refuses; its message goes to the client as an error frame. */
final class ChatRejection extends RuntimeException {
  private final Integer statusCode;

  ChatRejection(String message) {
    this(message, null);
  }

  ChatRejection(String message, Integer statusCode) {
    super(message, null, false, false);
    this.statusCode = statusCode;
  }

  String frame() {
    return statusCode == null ? ChatFrames.error(getMessage()) : ChatFrames.error(getMessage(), statusCode);
  }
}
