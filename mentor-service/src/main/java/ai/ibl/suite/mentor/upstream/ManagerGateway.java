package ai.ibl.suite.mentor.upstream;

import ai.ibl.suite.common.upstream.UpstreamGuard;
import ai.ibl.suite.common.upstream.UpstreamGuards;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Every call mentor-service makes to the Manager's ai-mentor API, under the Manager's guard
 * (timeout, the {@code manager} circuit breaker, bulkhead). Creating a mentor is not idempotent:
 * a retry after a lost answer would create a second mentor, so it is tried once. Reads are retried.
 */
@ApplicationScoped
// Built at boot, so a bad client configuration fails the start and the first caller does not pay for it.
@Startup
public class ManagerGateway {
  private final ManagerClient client;
  private final UpstreamGuard guard;

  ManagerGateway(@RestClient ManagerClient client, UpstreamGuards guards) {
    this.client = client;
    this.guard = guards.forUpstream("manager");
  }

  public JsonNode createMentor(String org, String userId, Object body) {
    return guard.once(() -> client.createMentor(org, userId, body));
  }

  public JsonNode mentor(String org, String userId, String mentor) {
    return guard.idempotent(() -> client.mentor(org, userId, mentor));
  }

  public JsonNode settings(String org, String userId, String mentor) {
    return guard.idempotent(() -> client.settings(org, userId, mentor));
  }

  public JsonNode sharableLink(String org, String userId, String mentor) {
    return guard.idempotent(() -> client.sharableLink(org, userId, mentor));
  }
}
