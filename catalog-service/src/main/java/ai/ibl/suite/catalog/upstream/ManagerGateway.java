package ai.ibl.suite.catalog.upstream;

import ai.ibl.suite.common.upstream.UpstreamGuard;
import ai.ibl.suite.common.upstream.UpstreamGuards;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Every call catalog-service makes to the Manager, under the Manager's guard (timeout, the
 * {@code manager} circuit breaker, bulkhead). The Manager's catalog writes are create-or-update,
 * keyed by slug or id, so repeating one is harmless: they are retried like reads.
 */
@ApplicationScoped
public class ManagerGateway {
  private final ManagerClient client;
  private final UpstreamGuard guard;

  ManagerGateway(@RestClient ManagerClient client, UpstreamGuards guards) {
    this.client = client;
    this.guard = guards.forUpstream("manager");
  }

  public JsonNode saveRole(Object body) {
    return guard.idempotent(() -> client.saveRole(body));
  }

  public JsonNode findRole(Long id, String name, String slug, String platformKey) {
    return guard.idempotent(() -> client.findRole(id, name, slug, platformKey));
  }
}
