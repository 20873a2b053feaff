package ai.ibl.suite.common.upstream;

import ai.ibl.suite.common.SuiteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Authenticates calls to the Manager with the service's own platform API key
 * ({@code suite.upstream.manager-api-token}). The caller's bearer token is never forwarded.
 */
@ApplicationScoped
public class ManagerApiTokenHeaders implements ClientHeadersFactory {
  private final SuiteConfig config;

  public ManagerApiTokenHeaders(SuiteConfig config) {
    this.config = config;
  }

  @Override
  public MultivaluedMap<String, String> update(
      MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
    MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    config.upstream().managerApiToken()
        .ifPresent(token -> headers.putSingle(HttpHeaders.AUTHORIZATION, "Api-Token " + token));
    return headers;
  }
}
