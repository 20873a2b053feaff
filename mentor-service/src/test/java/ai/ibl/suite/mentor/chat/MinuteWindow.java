package ai.ibl.suite.mentor.chat;

import java.time.Duration;

/**
 * The per-tenant prompt limit counts per clock minute; a test whose prompts straddle a minute
 * boundary would see the count start over. Tests of that limit start well inside a minute.
 */
final class MinuteWindow {
  private MinuteWindow() {}

  /** Returns once at least {@code room} of the current clock minute is left, sleeping into the next if not. */
  static void awaitRoom(Duration room) {
    long left = 60_000 - System.currentTimeMillis() % 60_000;
    if (left < room.toMillis()) {
      try {
        Thread.sleep(left + 50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
