package ai.ibl.suite.common.page;

import ai.ibl.suite.common.error.ProblemException;
import ai.ibl.suite.common.http.StrictQuery;

/**
 * A page asked for with the platform's {@code page} (from 1) and {@code page_size} parameters.
 * Out-of-range values are refused with a 400 problem rather than silently clamped, so a caller
 * never mistakes a clamped page for the one it asked for.
 */
public record PageRequest(int page, int pageSize) {
  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;

  public static PageRequest of(Integer page, Integer pageSize) {
    int p = page == null ? 1 : page;
    int size = pageSize == null ? DEFAULT_SIZE : pageSize;
    if (p < 1) {
      throw ProblemException.invalid("page", "must be 1 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ProblemException.invalid("page_size", "must be between 1 and " + MAX_SIZE);
    }
    return new PageRequest(p, size);
  }

  /**
   * The page asked for in raw query text: a value that is not a whole number is the caller's
   * mistake (400), where binding it to an Integer parameter would answer 404.
   */
  public static PageRequest parse(String page, String pageSize) {
    return of(StrictQuery.whole("page", page), StrictQuery.whole("page_size", pageSize));
  }

  public int offset() {
    return (page - 1) * pageSize;
  }
}
