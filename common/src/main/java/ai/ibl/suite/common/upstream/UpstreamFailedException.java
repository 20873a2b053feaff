package ai.ibl.suite.common.upstream;

import ai.ibl.suite.common.error.Problem;

/** The upstream failed (5xx): answered to callers as 502 with {@code Retry-After}; retryable. */
public final class UpstreamFailedException extends UpstreamException {
  public UpstreamFailedException(int status, Problem problem) {
    super(status, problem);
  }
}
