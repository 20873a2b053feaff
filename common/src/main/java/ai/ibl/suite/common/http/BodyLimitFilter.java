package ai.ibl.suite.common.http;

import ai.ibl.suite.common.SuiteConfig;
import ai.ibl.suite.common.error.ProblemException;
import ai.ibl.suite.common.error.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses oversized bodies with a problem answer before anything parses them. The HTTP layer's
 * own limit ({@code quarkus.http.limits.max-body-size}) stays as the backstop for bodies sent
 * without a length.
 */
public class BodyLimitFilter {
  private final SuiteConfig config;

  public BodyLimitFilter(SuiteConfig config) {
    this.config = config;
  }

  @ServerRequestFilter(preMatching = true)
  public void limit(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return;
    }
    long bytes;
    try {
      bytes = Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      throw ProblemException.of(ProblemType.VALIDATION, "Content-Length is not a number.");
    }
    if (bytes > config.http().maxBodyBytes()) {
      throw ProblemException.of(
          ProblemType.PAYLOAD_TOO_LARGE,
          "The body is " + bytes + " bytes; at most " + config.http().maxBodyBytes() + " are accepted.");
    }
  }
}
