package ai.ibl.suite.common.upstream;

import ai.ibl.suite.common.error.Problem;

/** An upstream answered with an error status; see the two kinds below. */
public abstract sealed class UpstreamException extends RuntimeException
    permits UpstreamRejectedException, UpstreamFailedException {
  private final int status;
  private final transient Problem problem;

  protected UpstreamException(int status, Problem problem) {
    super(problem.detail(), null, false, false);
    this.status = status;
    this.problem = problem;
  }

  /** The status the upstream answered with. */
  public int upstreamStatus() {
    return status;
  }

  public boolean isClientError() {
    return status >= 400 && status < 500;
  }

  public Problem toProblem() {
    return problem;
  }
}
