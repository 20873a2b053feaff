package ai.ibl.suite.credential.credential;

import ai.ibl.suite.common.http.OpenApiInfo;
import ai.ibl.suite.common.error.ProblemException;
import ai.ibl.suite.common.freshness.ReadThrough;
import ai.ibl.suite.common.freshness.SyncMark;
import ai.ibl.suite.common.page.PageRequest;
import ai.ibl.suite.common.page.PlatformPage;
import ai.ibl.suite.common.tenant.Caller;
import ai.ibl.suite.common.tenant.CurrentCaller;
import ai.ibl.suite.common.upstream.UpstreamRejectedException;
import ai.ibl.suite.credential.CredentialConfig;
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

/**
 * Credential definitions. The Manager's {@code Credential} keeps the id, name, type, issuer and
 * URL; the rest of the seed's body (description, images, tags, criteria, expiry, courses,
 * programs, templates) is kept here and answered with it.
 */
@Path("/api/credentials/orgs/{org}/users/{user_id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "credentials")
@SecurityRequirement(name = OpenApiInfo.BEARER)
public class CredentialResource {
  private final ManagerGateway manager;
  private final ReadThrough reads;
  private final CurrentCaller caller;
  private final ObjectMapper json;
  private final CredentialConfig config;

  CredentialResource(ManagerGateway manager, ReadThrough reads, CurrentCaller caller, ObjectMapper json,
      CredentialConfig config) {
    this.manager = manager;
    this.reads = reads;
    this.caller = caller;
    this.json = json;
    this.config = config;
  }

  @POST
  @Path("/")
  @Operation(summary = "Create a credential", description = "Tenant admins of {org}. The seed's body; issuer and name required.")
  public JsonNode create(@RestPath String org, @RestPath("user_id") String userId,
      @Valid @NotNull CredentialRequest credential) {
    caller.get().requireAdmin(org);
    if (blank(credential.issuer())) {
      throw ProblemException.invalid("issuer", "must not be blank");
    }
    if (blank(credential.name())) {
      throw ProblemException.invalid("name", "must not be blank");
    }
    String id = EntityIds.next();
    JsonNode details = json.valueToTree(credential);
    ObjectNode upstream = json.createObjectNode()
        .put("credential_id", id)
        .put("credential_url", urlOf(org, userId, id, credential.criteriaUrl()))
        .put("name", credential.name())
        .put("credential_type", credential.credentialType())
        .put("issuer", credential.issuer())
        .putNull("issued_on")
        .putNull("expires_at")
        .put("revoked", false);
    JsonNode saved = manager.createCredential(org, userId, upstream);
    return CredentialReadModel.store(org, saved, details).answer();
  }

  @GET
  @Path("/")
  @Operation(summary = "List credentials",
      description = "Members of the org (platform_org takes precedence over {org}). search matches words of the name or "
          + "description by prefix; course and program filter. The platform's envelope; page_size at most 100.")
  public Response list(@RestPath String org, @RestPath("user_id") String userId,
      @RestQuery("platform_org") String platformOrg, @RestQuery String page, @RestQuery("page_size") String pageSize,
      @RestQuery String search, @RestQuery String course, @RestQuery String program, @Context UriInfo uri) {
    String tenant = blank(platformOrg) ? org : platformOrg;
    caller.get().requireMember(tenant);
    PageRequest request = PageRequest.parse(page, pageSize);
    CredentialQuery query = new CredentialQuery(emptyToNull(search), emptyToNull(course), emptyToNull(program));
    String scope = "credentials:" + tenant;
    return reads.read("credential-list", SyncMark.lastSync(scope),
            () -> pageOf(tenant, query, request, uri),
            () -> {
              // The Manager's collection answers a single credential and takes no filters, so each listed row is re-read.
              for (CredentialReadModel row : CredentialReadModel.page(tenant, query, request.page() - 1, request.pageSize())) {
                refresh(tenant, userId, row.entityId);
              }
              QuarkusTransaction.requiringNew().run(() -> SyncMark.mark(scope, Instant.now()));
              return pageOf(tenant, query, request, uri);
            })
        .toResponse();
  }

  @GET
  @Path("/{entity_id}")
  @Operation(summary = "Get a credential", description = "Members of {org}. Served from the read model while fresh.")
  public Response get(@RestPath String org, @RestPath("user_id") String userId, @RestPath("entity_id") String entityId) {
    caller.get().requireMember(org);
    var local = CredentialReadModel.<CredentialReadModel>findByIdOptional(entityId).filter(r -> r.tenant.equals(org));
    return reads.read("credential", local.map(r -> r.syncedAt).orElse(null),
            () -> local.orElseThrow().answer(),
            () -> {
              CredentialReadModel row = refresh(org, userId, entityId);
              if (row == null) {
                throw ProblemException.notFound("No credential '" + entityId + "' in org '" + org + "'.");
              }
              return row.answer();
            })
        .toResponse();
  }

  @PUT
  @Path("/{entity_id}")
  @Operation(summary = "Update a credential", description = "Tenant admins of {org}. Fields left out keep their values.")
  public JsonNode update(@RestPath String org, @RestPath("user_id") String userId,
      @RestPath("entity_id") String entityId, @Valid @NotNull CredentialRequest changes) {
    caller.get().requireAdmin(org);
    var local = CredentialReadModel.<CredentialReadModel>findByIdOptional(entityId).filter(r -> r.tenant.equals(org));
    JsonNode current = local.map(r -> (JsonNode) r.json()).orElseGet(() -> manager.credential(org, userId, entityId));
    JsonNode details = Bodies.overlay(local.map(CredentialReadModel::detailsJson).orElse(null), json.valueToTree(changes));
    ObjectNode upstream = json.createObjectNode()
        .put("credential_id", entityId)
        .put("credential_url", changes.criteriaUrl() != null ? changes.criteriaUrl() : current.path("credential_url").asText(""))
        .put("name", changes.name() != null ? changes.name() : current.path("name").asText())
        .put("credential_type", changes.credentialType() != null ? changes.credentialType() : Bodies.textOrNull(current, "credential_type"))
        .put("issuer", changes.issuer() != null ? changes.issuer() : Bodies.textOrNull(current, "issuer"))
        .put("issued_on", Bodies.textOrNull(current, "issued_on"))
        .put("expires_at", Bodies.textOrNull(current, "expires_at"))
        .put("revoked", current.path("revoked").asBoolean(false));
    JsonNode saved = manager.updateCredential(org, userId, entityId, upstream);
    return CredentialReadModel.store(org, saved, details).answer();
  }

  @DELETE
  @Path("/{entity_id}")
  @Operation(summary = "Delete a credential", description = "Tenant admins of {org}.")
  public Response delete(@RestPath String org, @RestPath("user_id") String userId, @RestPath("entity_id") String entityId) {
    Caller who = caller.get();
    who.requireAdmin(org);
    boolean known = CredentialReadModel.<CredentialReadModel>findByIdOptional(entityId).filter(r -> r.tenant.equals(org)).isPresent();
    try {
      manager.deleteCredential(org, userId, entityId);
    } catch (UpstreamRejectedException e) {
      // A retried DELETE whose first attempt went through meets a 404: the credential is gone, as asked.
      if (!(e.isNotFound() && known)) {
        throw e;
      }
    }
    CredentialReadModel.forget(entityId);
    return Response.noContent().build();
  }

  /** Re-reads one credential from the Manager into the read model; null (and forgotten) when the Manager has none. */
  private CredentialReadModel refresh(String org, String userId, String entityId) {
    try {
      return CredentialReadModel.store(org, manager.credential(org, userId, entityId), null);
    } catch (UpstreamRejectedException e) {
      if (!e.isNotFound()) {
        throw e;
      }
      CredentialReadModel.forget(entityId);
      return null;
    }
  }

  private static PlatformPage<JsonNode> pageOf(String tenant, CredentialQuery query, PageRequest request, UriInfo uri) {
    List<JsonNode> data = CredentialReadModel.page(tenant, query, request.page() - 1, request.pageSize()).stream()
        .map(r -> (JsonNode) r.answer()).toList();
    return PlatformPage.of(data, CredentialReadModel.total(tenant, query), request, uri);
  }

  /** Where the credential is described: its criteria page, else its own address on this service. */
  private String urlOf(String org, String userId, String id, String criteriaUrl) {
    if (criteriaUrl != null) {
      return criteriaUrl;
    }
    return config.publicBaseUrl() + "/api/credentials/orgs/" + org + "/users/" + userId + "/" + id;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String emptyToNull(String s) {
    return blank(s) ? null : s.trim();
  }
}
