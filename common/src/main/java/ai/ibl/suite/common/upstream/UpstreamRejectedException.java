package ai.ibl.suite.common.upstream;

import ai.ibl.suite.common.error.Problem;

/**
 * The upstream refused the request (4xx). Passed through to the caller with the upstream's
 * detail; never retried and never counted against the circuit breaker, since the upstream is healthy.
 */
public final class UpstreamRejectedException extends UpstreamException {
  public UpstreamRejectedException(int status, Problem problem) {
    super(status, problem);
  }

  public boolean isNotFound() {
    return upstreamStatus() == 404;
  }
}
