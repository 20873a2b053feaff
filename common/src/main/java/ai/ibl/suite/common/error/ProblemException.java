package ai.ibl.suite.common.error;

import java.time.Duration;
import java.util.List;

/** Thrown anywhere in a service to answer with a problem; mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {
  private final transient Problem problem;
  private final Duration retryAfter;

  public ProblemException(Problem problem) {
    this(problem, null, null);
  }

  public ProblemException(Problem problem, Duration retryAfter, Throwable cause) {
    super(problem.detail(), cause, false, false);
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  public static ProblemException of(ProblemType type, String detail) {
    return new ProblemException(Problem.of(type, detail));
  }

  public static ProblemException notFound(String detail) {
    return of(ProblemType.NOT_FOUND, detail);
  }

  public static ProblemException forbidden(String detail) {
    return of(ProblemType.FORBIDDEN, detail);
  }

  public static ProblemException invalid(String field, String message) {
    Problem p = Problem.of(ProblemType.VALIDATION, "The request has 1 invalid field.");
    return new ProblemException(
        new Problem(p.type(), p.title(), p.status(), p.detail(), null,
            List.of(new Problem.FieldViolation(field, message))));
  }

  public Problem problem() {
    return problem;
  }

  /** When set, the answer carries {@code Retry-After} (whole seconds). */
  public Duration retryAfter() {
    return retryAfter;
  }
}
