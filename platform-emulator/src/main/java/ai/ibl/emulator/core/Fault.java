package ai.ibl.emulator.core;

/**
 * A failure the emulator plays on an upstream's requests, for tests of a service's fault handling.
 *
 * @param kind what happens
 * @param status the answer's status for {@link Kind#STATUS}
 * @param delayMillis added latency for {@link Kind#LATENCY} (the request is then served normally)
 * @param times how many requests it applies to; -1 for all until cleared
 */
public record Fault(Kind kind, int status, long delayMillis, int times) {
  public enum Kind {
    /** The connection is closed as soon as the request arrives, with no answer: a dead upstream. */
    DOWN,
    /** The upstream answers with {@code status} (a 5xx, typically) and an error body. */
    STATUS,
    /** The upstream answers normally, {@code delayMillis} late. */
    LATENCY,
    /** The request is read, then the connection is reset mid-answer: headers sent, body cut. */
    RESET
  }

  public static Fault down() {
    return new Fault(Kind.DOWN, 0, 0, -1);
  }

  public static Fault status(int status) {
    return new Fault(Kind.STATUS, status, 0, -1);
  }

  public static Fault latency(long millis) {
    return new Fault(Kind.LATENCY, 0, millis, -1);
  }

  public static Fault reset() {
    return new Fault(Kind.RESET, 0, 0, -1);
  }

  /** The same fault for the next {@code n} requests only. */
  public Fault times(int n) {
    return new Fault(kind, status, delayMillis, n);
  }
}
