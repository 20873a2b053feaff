package ai.ibl.suite.mentor.chat;

import java.time.Duration;

/** Retries an assertion until it holds or the time is up (then its last failure is thrown). */
final class Eventually {
  private Eventually() {}

  static void within(Duration limit, Runnable assertion) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
