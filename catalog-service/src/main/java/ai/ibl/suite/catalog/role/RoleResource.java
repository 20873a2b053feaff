package ai.ibl.suite.catalog.role;

import ai.ibl.suite.common.http.OpenApiInfo;
import ai.ibl.suite.catalog.upstream.ManagerGateway;
import ai.ibl.suite.common.error.ProblemException;
import ai.ibl.suite.common.freshness.ReadThrough;
import ai.ibl.suite.common.tenant.Caller;
import ai.ibl.suite.common.tenant.CurrentCaller;
import ai.ibl.suite.common.upstream.UpstreamRejectedException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/catalog/roles/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "roles")
@SecurityRequirement(name = OpenApiInfo.BEARER)
public class RoleResource {
  private final ManagerGateway manager;
  private final ReadThrough reads;
  private final CurrentCaller caller;

  RoleResource(ManagerGateway manager, ReadThrough reads, CurrentCaller caller) {
    this.manager = manager;
    this.reads = reads;
    this.caller = caller;
  }

  @POST
  @Operation(summary = "Create or update a role", description = "Tenant admins only. Matched by id, else slug, else name, within the tenant.")
  public JsonNode save(@Valid @NotNull RoleRequest role) {
    Caller who = caller.get();
    String tenant = who.tenantOrOwn(role.platformKey());
    who.requireAdmin(tenant);
    JsonNode saved = manager.saveRole(role.inTenant(tenant));
    RoleReadModel.keep(tenant, saved);
    return saved;
  }

  @GET
  @Operation(summary = "Retrieve a role by id, name or slug", description = "Served from the read model while fresh; marked stale when the Manager is unavailable.")
  public Response find(@RestQuery @Positive Long id, @RestQuery String name, @RestQuery String slug,
      @RestQuery("platform_key") String platformKey) {
    String tenant = caller.get().tenantOrOwn(platformKey);
    if (id == null && blank(name) && blank(slug)) {
      throw ProblemException.invalid("id", "give id, name or slug");
    }
    RoleQuery query = new RoleQuery(id, emptyToNull(name), emptyToNull(slug));
    var local = RoleReadModel.match(tenant, query);
    return reads.read("role", local.map(r -> r.syncedAt).orElse(null),
            () -> local.orElseThrow().json(),
            () -> revalidate(tenant, query))
        .toResponse();
  }

  private JsonNode revalidate(String tenant, RoleQuery query) {
    try {
      JsonNode role = manager.findRole(query.id(), query.name(), query.slug(), tenant);
      RoleReadModel.keep(tenant, role);
      return role;
    } catch (UpstreamRejectedException e) {
      if (e.isNotFound()) {
        RoleReadModel.forget(tenant, query);
      }
      throw e;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String emptyToNull(String s) {
    return blank(s) ? null : s;
  }
}
