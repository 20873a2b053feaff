package ai.ibl.suite.catalog.pathway;

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

@Path("/api/catalog/pathways/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pathways")
@SecurityRequirement(name = OpenApiInfo.BEARER)
public class PathwayResource {
  private final ManagerGateway manager;
  private final ListReads lists;
  private final CurrentCaller caller;

  PathwayResource(ManagerGateway manager, ListReads lists, CurrentCaller caller) {
    this.manager = manager;
    this.lists = lists;
    this.caller = caller;
  }

  @POST
  @Operation(summary = "Create or update a pathway", description = "The owner (user_id/username as in their token) or a tenant admin. Matched by owner and pathway_id.")
  public JsonNode save(@Valid @NotNull PathwayRequest pathway) {
    Caller who = caller.get();
    String tenant = who.tenantOrOwn(pathway.platformKey());
    who.requireSelfOrAdmin(tenant, pathway.userId(), pathway.username());
    JsonNode saved = manager.savePathway(pathway.inTenant(tenant));
    PathwayReadModel.keep(tenant, saved);
    return saved;
  }

  @GET
  @Operation(summary = "Search pathways", description = "Filters item_id, name, pathway_id, pathway_uuid, platform_key, slug (case-insensitive), user_id, username, visible. Members of the tenant. Answers an array.")
  public Response list(@RestQuery("item_id") String itemId, @RestQuery String name,
      @RestQuery("pathway_id") String pathwayId, @RestQuery("pathway_uuid") String pathwayUuid,
      @RestQuery("platform_key") String platformKey, @RestQuery String slug,
      @RestQuery("user_id") String userId, @RestQuery String username, @RestQuery String visible) {
    String tenant = caller.get().tenantOrOwn(platformKey);
    PathwayQuery query = new PathwayQuery(blankToNull(itemId), blankToNull(name), blankToNull(pathwayId),
        blankToNull(pathwayUuid), blankToNull(slug), StrictQuery.positive("user_id", userId), blankToNull(username),
        StrictQuery.bool("visible", visible));
    return lists.read("pathway", ListReads.scope("pathway", tenant, query.filters(tenant)),
        () -> {
          ArrayNode local = JsonNodeFactory.instance.arrayNode();
          PathwayReadModel.matching(tenant, query).forEach(p -> local.add(p.json()));
          return local;
        },
        () -> {
          JsonNode fresh = manager.listPathways(query.filters(tenant));
          PathwayReadModel.replaceMatching(tenant, query, fresh);
          return fresh;
        });
  }

  @DELETE
  @Operation(summary = "Delete a pathway", description = "By pathway_id and user_id; the owner or a tenant admin. Answers the Manager's PathwayDeleteResponse.")
  public JsonNode delete(@RestQuery("pathway_id") String pathwayId, @RestQuery("user_id") String userIdText,
      @RestQuery("platform_key") String platformKey) {
    if (blankToNull(pathwayId) == null) {
      throw ProblemException.invalid("pathway_id", "is required");
    }
    Long userId = StrictQuery.positive("user_id", userIdText);
    if (userId == null) {
      throw ProblemException.invalid("user_id", "is required");
    }
    Caller who = caller.get();
    String tenant = who.tenantOrOwn(platformKey);
    who.requireSelfOrAdmin(tenant, userId, null);
    JsonNode deleted = manager.deletePathways(new Filters()
        .put("pathway_id", pathwayId).put("user_id", userId).put("platform_key", tenant).asMap());
    PathwayReadModel.forget(tenant, pathwayId, userId);
    return deleted;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
