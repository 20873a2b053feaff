package ai.ibl.suite.common.http;

import ai.ibl.suite.common.error.ProblemException;

/**
 * Query parameters read without coercion, for every service. JAX-RS would turn {@code enabled=yes}
 * into false and answer {@code user_id=abc} with a 404; a caller's typo deserves a 400 naming the
 * parameter. Resources take such parameters as strings and read them here.
 */
public final class StrictQuery {
  private StrictQuery() {}

  /** {@code true}, {@code false}, or null when absent; anything else is refused. */
  public static Boolean bool(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value) {
      case "true", "True" -> Boolean.TRUE;
      case "false", "False" -> Boolean.FALSE;
      default -> throw ProblemException.invalid(name, "must be true or false");
    };
  }

  /** A whole number of 1 or more, or null when absent; anything else is refused. */
  public static Long positive(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long n = Long.parseLong(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Refused below, as any other non-positive value.
    }
    throw ProblemException.invalid(name, "must be a whole number of 1 or more");
  }

  /** Any whole number, or null when absent; anything else is refused. */
  public static Integer whole(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(name, "must be a whole number");
    }
  }

  /** Like {@link #positive}, for page numbers and sizes, bounded above. */
  public static Integer positive(String name, String value, int max) {
    Long n = positive(name, value);
    if (n != null && n > max) {
      throw ProblemException.invalid(name, "must be at most " + max);
    }
    return n == null ? null : n.intValue();
  }
}
