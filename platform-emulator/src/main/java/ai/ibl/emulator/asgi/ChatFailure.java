package ai.ibl.emulator.asgi;

/** How the emulated chat server fails a prompt, for tests of the relay's error handling. */
public enum ChatFailure {
  /** Answers normally. */
  NONE,
  /** Answers {@code {"error": ...}} instead of an answer. */
  ERROR,
  /** Starts the answer, sends half the chunks, then drops the socket without a closing frame. */
  DROP,
  /** Answers the out-of-credits frame {@code {"error": ..., "status_code": 402}}. */
  PAYMENT_REQUIRED,
  /** Starts the answer and then sends nothing more (a hung upstream). */
  HANG;

  static ChatFailure parse(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "error" -> ERROR;
      case "drop" -> DROP;
      case "402", "payment" -> PAYMENT_REQUIRED;
      case "hang" -> HANG;
      default -> NONE;
    };
  }
}
