package ai.ibl.suite.credential.upstream;

import ai.ibl.suite.common.upstream.UpstreamGuard;
import ai.ibl.suite.common.upstream.UpstreamGuards;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Every call credential-service makes to the Manager, under the Manager's guard (timeout, the
 * {@code manager} circuit breaker, bulkhead). Reads, PUTs and DELETEs are retried; creates and
 * issues are not, since a lost answer could hide a record that exists: the one exception is
 * {@link #issueWithKnownId}, whose entity id is derived from the recipient, so a repeat is refused
 * as a duplicate upstream instead of issuing twice.
 */
@ApplicationScoped
public class ManagerGateway {
  private final ManagerClient client;
  private final UpstreamGuard guard;

  ManagerGateway(@RestClient ManagerClient client, UpstreamGuards guards) {
    this.client = client;
    this.guard = guards.forUpstream("manager");
  }

  public JsonNode issuer(String org, String user, String idOrOrg) {
    return guard.idempotent(() -> client.issuer(org, user, idOrOrg));
  }

  public JsonNode createIssuer(String org, String user, String name, Object body) {
    return guard.once(() -> client.createIssuer(org, user, name, body));
  }

  public JsonNode updateIssuer(String org, String user, String id, Object body) {
    return guard.idempotent(() -> client.updateIssuer(org, user, id, body));
  }

  public void deleteIssuer(String org, String user, String id) {
    guard.idempotent(() -> {
      client.deleteIssuer(org, user, id);
      return Boolean.TRUE;
    });
  }

  public JsonNode createCredential(String org, String user, Object body) {
    return guard.once(() -> client.createCredential(org, user, body));
  }

  public JsonNode credential(String org, String user, String id) {
    return guard.idempotent(() -> client.credential(org, user, id));
  }

  public JsonNode updateCredential(String org, String user, String id, Object body) {
    return guard.idempotent(() -> client.updateCredential(org, user, id, body));
  }

  public void deleteCredential(String org, String user, String id) {
    guard.idempotent(() -> {
      client.deleteCredential(org, user, id);
      return Boolean.TRUE;
    });
  }

  public JsonNode issue(String org, String user, String credential, Object body) {
    return guard.once(() -> client.issue(org, user, credential, body));
  }

  /** An issue whose assertion id is fixed by the caller: repeating it cannot issue twice. */
  public JsonNode issueWithKnownId(String org, String user, String credential, Object body) {
    return guard.idempotent(() -> client.issue(org, user, credential, body));
  }

  public JsonNode credentialAssertions(String org, String user, String credential) {
    return guard.idempotent(() -> client.credentialAssertions(org, user, credential));
  }

  public JsonNode userAssertions(String org, String user, int page, int pageSize) {
    return guard.idempotent(() -> client.userAssertions(org, user, page, pageSize, true, true));
  }

  public JsonNode assertion(String org, String user, String id) {
    return guard.idempotent(() -> client.assertion(org, user, id));
  }

  public JsonNode updateAssertion(String org, String user, String id, Object body) {
    return guard.idempotent(() -> client.updateAssertion(org, user, id, body));
  }
}
