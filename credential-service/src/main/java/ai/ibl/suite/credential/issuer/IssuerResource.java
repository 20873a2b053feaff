package ai.ibl.suite.credential.issuer;

import ai.ibl.suite.common.http.OpenApiInfo;
import ai.ibl.suite.common.error.ProblemException;
import ai.ibl.suite.common.freshness.ReadThrough;
import ai.ibl.suite.common.freshness.SyncMark;
import ai.ibl.suite.common.page.PageRequest;
import ai.ibl.suite.common.page.PlatformPage;
import ai.ibl.suite.common.tenant.CurrentCaller;
import ai.ibl.suite.common.upstream.UpstreamRejectedException;
import ai.ibl.suite.credential.upstream.Bodies;
import ai.ibl.suite.credential.upstream.EntityIds;
import ai.ibl.suite.credential.upstream.ManagerGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/credentials/orgs/{org}/users/{user_id}/issuers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "issuers")
@SecurityRequirement(name = OpenApiInfo.BEARER)
public class IssuerResource {
  private final ManagerGateway manager;
  private final ReadThrough reads;
  private final CurrentCaller caller;
  private final ObjectMapper json;

  IssuerResource(ManagerGateway manager, ReadThrough reads, CurrentCaller caller, ObjectMapper json) {
    this.manager = manager;
    this.reads = reads;
    this.caller = caller;
    this.json = json;
  }

  @GET
  @Path("/")
  @Operation(summary = "List the org's issuers",
      description = "Members of {org}. Served from the read model, paginated in the platform's envelope; q filters by name.")
  public Response list(@RestPath String org, @RestPath("user_id") String userId, @RestQuery String q,
      @RestQuery Integer page, @RestQuery("page_size") Integer pageSize, @Context UriInfo uri) {
    caller.get().requireMember(org);
    PageRequest request = PageRequest.of(page, pageSize);
    String scope = "issuers:" + org;
    return reads.read("issuer-list", SyncMark.lastSync(scope),
            () -> pageOf(org, q, request, uri),
            () -> {
              revalidateList(org, userId, q, request);
              QuarkusTransaction.requiringNew().run(() -> SyncMark.mark(scope, Instant.now()));
              return pageOf(org, q, request, uri);
            })
        .toResponse();
  }

  @POST
  @Path("/")
  @Operation(summary = "Create an issuer for {org}", description = "Tenant admins of {org}.")
  public JsonNode create(@RestPath String org, @RestPath("user_id") String userId,
      @Valid @NotNull IssuerRequest issuer) {
    caller.get().requireAdmin(org);
    if (issuer.name() == null || issuer.name().isBlank()) {
      throw ProblemException.invalid("name", "must not be blank");
    }
    ObjectNode upstream = json.createObjectNode()
        .put("entityId", EntityIds.next())
        .put("name", issuer.name())
        .put("iconImage", issuer.iconImage() == null ? "" : issuer.iconImage())
        .put("url", issuer.url() == null ? "" : issuer.url());
    upstream.set("allowed_template_tags", json.valueToTree(issuer.allowedTemplateTags()));
    JsonNode saved = manager.createIssuer(org, userId, issuer.name(), upstream);
    return IssuerReadModel.store(tenantOf(saved, org), saved, details(null, issuer)).answer();
  }

  @GET
  @Path("/{entity_id}")
  @Operation(summary = "Get an issuer by entity id, or the issuer of an organisation",
      description = "Members of {org}. {entity_id} is an issuer's entity id or an org identifier, as on the platform.")
  public Response get(@RestPath String org, @RestPath("user_id") String userId,
      @RestPath("entity_id") String entityId) {
    caller.get().requireMember(org);
    var local = IssuerReadModel.byIdOrOrg(entityId);
    return reads.read("issuer", local.map(r -> r.syncedAt).orElse(null),
            () -> local.orElseThrow().answer(),
            () -> {
              try {
                JsonNode fresh = manager.issuer(org, userId, entityId);
                return IssuerReadModel.store(tenantOf(fresh, org), fresh, null).answer();
              } catch (UpstreamRejectedException e) {
                if (e.isNotFound()) {
                  local.ifPresent(r -> IssuerReadModel.forget(r.entityId));
                }
                throw e;
              }
            })
        .toResponse();
  }

  @PUT
  @Path("/{entity_id}")
  @Operation(summary = "Update an issuer of {org}", description = "Tenant admins of {org}. Fields left out keep their values.")
  public JsonNode update(@RestPath String org, @RestPath("user_id") String userId,
      @RestPath("entity_id") String entityId, @Valid @NotNull IssuerRequest changes) {
    caller.get().requireAdmin(org);
    JsonNode current = IssuerReadModel.<IssuerReadModel>findByIdOptional(entityId)
        .filter(r -> r.tenant.equals(org))
        .map(r -> (JsonNode) r.json())
        .orElseGet(() -> manager.issuer(org, userId, entityId));
    ObjectNode upstream = json.createObjectNode()
        .put("entityId", current.path("entityId").asText(entityId))
        .put("name", changes.name() != null ? changes.name() : current.path("name").asText(""))
        .put("iconImage", changes.iconImage() != null ? changes.iconImage() : current.path("iconImage").asText(""))
        .put("url", changes.url() != null ? changes.url() : current.path("url").asText(""));
    upstream.set("allowed_template_tags", changes.allowedTemplateTags() != null
        ? json.valueToTree(changes.allowedTemplateTags()) : current.path("allowed_template_tags"));
    JsonNode saved = manager.updateIssuer(org, userId, upstream.path("entityId").asText(), upstream);
    JsonNode kept = IssuerReadModel.<IssuerReadModel>findByIdOptional(saved.path("entityId").asText())
        .map(IssuerReadModel::detailsJson).orElse(null);
    return IssuerReadModel.store(tenantOf(saved, org), saved, details(kept, changes)).answer();
  }

  @DELETE
  @Path("/{entity_id}")
  @Operation(summary = "Delete an issuer of {org}", description = "Tenant admins of {org}.")
  public Response delete(@RestPath String org, @RestPath("user_id") String userId,
      @RestPath("entity_id") String entityId) {
    caller.get().requireAdmin(org);
    boolean known = IssuerReadModel.<IssuerReadModel>findByIdOptional(entityId).filter(r -> r.tenant.equals(org)).isPresent();
    try {
      manager.deleteIssuer(org, userId, entityId);
    } catch (UpstreamRejectedException e) {
      // A retried DELETE whose first attempt went through meets a 404: the issuer is gone, as asked.
      if (!(e.isNotFound() && known)) {
        throw e;
      }
    }
    IssuerReadModel.forget(entityId);
    return Response.noContent().build();
  }

  private void revalidateList(String org, String userId, String q, PageRequest request) {
    try {
      JsonNode own = manager.issuer(org, userId, org);
      IssuerReadModel.store(tenantOf(own, org), own, null);
    } catch (UpstreamRejectedException e) {
      if (!e.isNotFound()) {
        throw e;
      }
    }
    // The Manager lists no issuers (its collection answers one issuer by name), so each listed row is re-read.
    for (IssuerReadModel row : IssuerReadModel.page(org, q, request.page() - 1, request.pageSize())) {
      try {
        JsonNode fresh = manager.issuer(org, userId, row.entityId);
        IssuerReadModel.store(tenantOf(fresh, org), fresh, null);
      } catch (UpstreamRejectedException e) {
        if (!e.isNotFound()) {
          throw e;
        }
        IssuerReadModel.forget(row.entityId);
      }
    }
  }

  private static PlatformPage<JsonNode> pageOf(String org, String q, PageRequest request, UriInfo uri) {
    List<JsonNode> data = IssuerReadModel.page(org, q, request.page() - 1, request.pageSize()).stream()
        .map(IssuerReadModel::answer).toList();
    return PlatformPage.of(data, IssuerReadModel.total(org, q), request, uri);
  }

  private JsonNode details(JsonNode kept, IssuerRequest request) {
    ObjectNode changes = json.createObjectNode();
    if (request.email() != null) {
      changes.put("email", request.email());
    }
    return Bodies.overlay(kept, changes);
  }

  private static String tenantOf(JsonNode issuer, String fallback) {
    String org = Bodies.textOrNull(issuer, "org");
    return org == null || org.isBlank() ? fallback : org;
  }
}
