package ai.ibl.suite.catalog.profile;

import ai.ibl.suite.common.http.StrictQuery;
import ai.ibl.suite.catalog.upstream.ManagerGateway;
import ai.ibl.suite.catalog.upstream.ManagerGateway.UserList;
import ai.ibl.suite.common.error.ProblemException;
import ai.ibl.suite.common.freshness.ReadThrough;
import ai.ibl.suite.common.tenant.Caller;
import ai.ibl.suite.common.tenant.CurrentCaller;
import ai.ibl.suite.common.upstream.UpstreamRejectedException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;

/**
 * The flow the four list endpoints share (desired/reported, roles/skills): the user themselves or
 * a tenant admin writes, through the Manager, into the read model; reads go through the read model.
 */
@RequestScoped
public class UserLists {
  private final ManagerGateway manager;
  private final ReadThrough reads;
  private final CurrentCaller caller;

  UserLists(ManagerGateway manager, ReadThrough reads, CurrentCaller caller) {
    this.manager = manager;
    this.reads = reads;
    this.caller = caller;
  }

  JsonNode save(UserList kind, String field, UserListRequest request) {
    Caller who = caller.get();
    String tenant = who.tenantOrOwn(request.platformKey());
    who.requireSelfOrAdmin(tenant, request.userId(), request.username());
    JsonNode saved = manager.saveUserList(kind, request.upstreamBody(field, tenant));
    UserListReadModel.keep(kind, tenant, saved, request.userId(), request.username());
    return saved;
  }

  Response find(UserList kind, String userIdText, String username, String platformKey) {
    Long userId = StrictQuery.positive("user_id", userIdText);
    Caller who = caller.get();
    String tenant = who.tenantOrOwn(platformKey);
    String name = username == null || username.isBlank() ? null : username;
    if (userId == null && name == null) {
      throw ProblemException.invalid("user_id", "give user_id or username");
    }
    who.requireSelfOrAdmin(tenant, userId, name);
    var local = UserListReadModel.match(kind, tenant, userId, name);
    return reads.read(kind.name().toLowerCase(), local.map(r -> r.syncedAt).orElse(null),
            () -> local.orElseThrow().json(),
            () -> {
              try {
                JsonNode fresh = manager.findUserList(kind, userId, name);
                UserListReadModel.keep(kind, tenant, fresh, userId, name);
                return fresh;
              } catch (UpstreamRejectedException e) {
                if (e.isNotFound()) {
                  UserListReadModel.forget(kind, tenant, userId, name);
                }
                throw e;
              }
            })
        .toResponse();
  }
}
