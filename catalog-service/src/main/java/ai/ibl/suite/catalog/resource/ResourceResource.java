package ai.ibl.suite.catalog.resource;

import ai.ibl.suite.common.http.OpenApiInfo;
import ai.ibl.suite.catalog.readmodel.Filters;
import ai.ibl.suite.catalog.readmodel.ListReads;
import ai.ibl.suite.common.http.StrictQuery;
import ai.ibl.suite.catalog.upstream.ManagerGateway;
import ai.ibl.suite.common.error.ProblemException;
import ai.ibl.suite.common.tenant.Caller;
import ai.ibl.suite.common.tenant.CurrentCaller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

@Path("/api/catalog/resources/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "resources")
@SecurityRequirement(name = OpenApiInfo.BEARER)
public class ResourceResource {
  private final ManagerGateway manager;
  private final ListReads lists;
  private final CurrentCaller caller;

  ResourceResource(ManagerGateway manager, ListReads lists, CurrentCaller caller) {
    this.manager = manager;
    this.lists = lists;
    this.caller = caller;
  }

  @POST
  @Operation(summary = "Create or update a resource", description = "Tenant admins only. Without id a resource is created; with id it is updated. The tenant is platform_key (or key), else the caller's own.")
  public JsonNode save(@Valid @NotNull ResourceRequest resource, @RestQuery("platform_key") String platformKey,
      @RestQuery String key, @RestQuery("item_id") String itemId) {
    Caller who = caller.get();
    String tenant = who.tenantOrOwn(platformKey != null ? platformKey : key);
    who.requireAdmin(tenant);
    JsonNode saved = manager.saveResource(new Filters().put("platform_key", tenant).put("item_id", itemId).asMap(),
        resource, resource.id() != null);
    ResourceReadModel.keep(tenant, saved, resource.userId(), resource.username());
    return saved;
  }

  @GET
  @Operation(summary = "Search resources", description = "Filters id, item_id, key, name, org, platform_key, platform_org, resource_type, user_id, username. Members of the tenant. Answers an array.")
  public Response list(@RestQuery String id, @RestQuery("item_id") String itemId, @RestQuery String key,
      @RestQuery String name, @RestQuery String org, @RestQuery("platform_key") String platformKey,
      @RestQuery("platform_org") String platformOrg, @RestQuery("resource_type") String resourceType,
      @RestQuery("user_id") String userId, @RestQuery String username) {
    ResourceQuery asked = new ResourceQuery(StrictQuery.positive("id", id), blankToNull(itemId), blankToNull(key),
        blankToNull(name), blankToNull(org), blankToNull(platformKey), blankToNull(platformOrg), blankToNull(resourceType),
        StrictQuery.positive("user_id", userId), blankToNull(username));
    String tenant = caller.get().tenantOrOwn(asked.namedTenant());
    ResourceQuery query = asked.inTenant(tenant);
    return lists.read("resource", ListReads.scope("resource", tenant, query.filters()),
        () -> {
          ArrayNode local = JsonNodeFactory.instance.arrayNode();
          ResourceReadModel.matching(tenant, query).forEach(r -> local.add(r.json()));
          return local;
        },
        () -> {
          JsonNode fresh = manager.listResources(query.filters());
          ResourceReadModel.replaceMatching(tenant, query, fresh);
          return fresh;
        });
  }

  @DELETE
  @Operation(summary = "Delete a resource", description = "By id (other filters narrow it); tenant admins only. Answers the Manager's ResourceDeleteResponse.")
  public JsonNode delete(@RestQuery("id") String idText, @RestQuery("item_id") String itemId, @RestQuery String key,
      @RestQuery String name, @RestQuery String org, @RestQuery("platform_key") String platformKey,
      @RestQuery("platform_org") String platformOrg, @RestQuery("resource_type") String resourceType,
      @RestQuery("user_id") String userId, @RestQuery String username) {
    Long id = StrictQuery.positive("id", idText);
    if (id == null) {
      throw ProblemException.invalid("id", "is required");
    }
    ResourceQuery asked = new ResourceQuery(id, blankToNull(itemId), blankToNull(key), blankToNull(name), blankToNull(org),
        blankToNull(platformKey), blankToNull(platformOrg), blankToNull(resourceType),
        StrictQuery.positive("user_id", userId), blankToNull(username));
    Caller who = caller.get();
    String tenant = who.tenantOrOwn(asked.namedTenant());
    who.requireAdmin(tenant);
    ResourceQuery query = asked.inTenant(tenant);
    JsonNode deleted = manager.deleteResources(query.filters());
    if (deleted.path("count").asInt() > 0) {
      ResourceReadModel.forget(tenant, new ResourceQuery(id, null, null, null, null, tenant, null, null, null, null));
    }
    return deleted;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
