package ai.ibl.suite.credential.assertion;

import ai.ibl.suite.common.http.OpenApiInfo;
import ai.ibl.suite.common.error.Problem;
import ai.ibl.suite.common.error.ProblemException;
import ai.ibl.suite.common.error.ProblemType;
import ai.ibl.suite.common.freshness.ReadThrough;
import ai.ibl.suite.common.freshness.SyncMark;
import ai.ibl.suite.common.page.PageRequest;
import ai.ibl.suite.common.page.PlatformPage;
import ai.ibl.suite.common.tenant.Caller;
import ai.ibl.suite.common.tenant.CurrentCaller;
import ai.ibl.suite.common.upstream.UpstreamRejectedException;
import ai.ibl.suite.credential.CredentialConfig;
import ai.ibl.suite.credential.credential.CredentialReadModel;
import ai.ibl.suite.credential.upstream.EntityIds;
import ai.ibl.suite.credential.upstream.ManagerGateway;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Issuing credentials to users (assertions), listing and revoking them. */
@Path("/api/credentials/orgs/{org}/users/{user_id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "assertions")
@SecurityRequirement(name = OpenApiInfo.BEARER)
public class AssertionResource {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  private final ManagerGateway manager;
  private final ReadThrough reads;
  private final CurrentCaller caller;
  private final ObjectMapper json;
  private final Validator validator;
  private final CredentialConfig config;

  AssertionResource(ManagerGateway manager, ReadThrough reads, CurrentCaller caller, ObjectMapper json,
      Validator validator, CredentialConfig config) {
    this.manager = manager;
    this.reads = reads;
    this.caller = caller;
    this.json = json;
    this.validator = validator;
    this.config = config;
  }

  @POST
  @Path("/{entity_id}/assertions/")
  @Operation(summary = "Issue a credential to one user", description = "Tenant admins of {org}. The seed's body: recipient {email, identity}, course, metadata.")
  public JsonNode issue(@RestPath String org, @RestPath("user_id") String userId,
      @RestPath("entity_id") String credentialId, @Valid @NotNull IssueRequest issue) {
    caller.get().requireAdmin(org);
    JsonNode expiry = expiryOf(org, userId, credentialId);
    ObjectNode body = assertionBody(EntityIds.next(), issue.recipient(), issue.course(), issue.metadata(), expiry);
    JsonNode saved = manager.issue(org, userId, credentialId, body);
    AssertionReadModel.keep(org, saved);
    return saved;
  }

  @POST
  @Path("/{entity_id}/assertions/bulk/")
  @Operation(summary = "Issue a credential to many users",
      description = "Tenant admins of {org}. Each recipient gets its own outcome; a recipient who already holds the credential "
          + "is not issued it again. With an Idempotency-Key, a repeated batch is answered exactly as the first time.")
  public Response bulk(@RestPath String org, @RestPath("user_id") String userId,
      @RestPath("entity_id") String credentialId,
      @Parameter(description = "Makes a retried batch answer as the first (at most 255 characters).")
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
      @Valid @NotNull BulkIssueRequest batch) {
    caller.get().requireAdmin(org);
    if (batch.recipients().size() > config.bulk().maxRecipients()) {
      throw ProblemException.invalid("recipients", "must name at most " + config.bulk().maxRecipients() + " recipients");
    }
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
      throw ProblemException.invalid(IDEMPOTENCY_KEY, "must be 1 to 255 characters");
    }
    String hash = hashOf(batch);
    if (idempotencyKey != null) {
      var earlier = BulkIssueRecord.of(org, credentialId, idempotencyKey);
      if (earlier.isPresent()) {
        if (!earlier.get().requestHash.equals(hash)) {
          throw ProblemException.of(ProblemType.CONFLICT,
              "This Idempotency-Key was used with a different batch; use a new key for a new batch.");
        }
        return Response.ok(earlier.get().answer, MediaType.APPLICATION_JSON).header(REPLAYED, "true").build();
      }
    }
    JsonNode expiry = expiryOf(org, userId, credentialId);
    List<BulkIssueAnswer.Outcome> results = new ArrayList<>();
    for (int i = 0; i < batch.recipients().size(); i++) {
      results.add(issueOne(org, userId, credentialId, i, batch.recipients().get(i), batch, expiry));
    }
    BulkIssueAnswer answer = BulkIssueAnswer.of(credentialId, results);
    String text = write(answer);
    // Only a batch that reached a verdict for everyone is replayed; one with transient failures is worth retrying.
    if (idempotencyKey != null && answer.summary().failed() == 0) {
      BulkIssueRecord.remember(org, credentialId, idempotencyKey, hash, text);
    }
    return Response.ok(text, MediaType.APPLICATION_JSON).build();
  }

  private BulkIssueAnswer.Outcome issueOne(String org, String userId, String credentialId, int index, JsonNode entry,
      BulkIssueRequest batch, JsonNode expiry) {
    Recipient recipient;
    try {
      recipient = json.treeToValue(entry, Recipient.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return new BulkIssueAnswer.Outcome(index, null, null, "invalid", null, false,
          "must be an object with a string email and identity");
    }
    if (recipient == null) {
      return new BulkIssueAnswer.Outcome(index, null, null, "invalid", null, false, "must be an object");
    }
    var violations = validator.validate(recipient);
    if (!violations.isEmpty()) {
      String detail = violations.stream()
          .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
          .map(v -> v.getPropertyPath() + " " + v.getMessage())
          .reduce((a, b) -> a + "; " + b).orElse("invalid");
      return new BulkIssueAnswer.Outcome(index, recipient.email(), recipient.identity(), "invalid", null, false, detail);
    }
    String identity = recipient.identityOrEmail();
    var held = AssertionReadModel.held(org, credentialId, identity);
    if (held.isPresent()) {
      return new BulkIssueAnswer.Outcome(index, recipient.email(), identity, "issued", held.get().entityId, false, null);
    }
    // Derived from the recipient (and how many of their assertions were revoked), so a retry names the same assertion.
    String id = EntityIds.derived(org, credentialId, identity,
        Long.toString(AssertionReadModel.revokedCount(org, credentialId, identity)));
    ObjectNode body = assertionBody(id, recipient, batch.course(), batch.metadata(), expiry);
    try {
      JsonNode saved = manager.issueWithKnownId(org, userId, credentialId, body);
      AssertionReadModel.keep(org, saved);
      return new BulkIssueAnswer.Outcome(index, recipient.email(), identity, "issued", id, true, null);
    } catch (UpstreamRejectedException e) {
      // Refused as a duplicate: an earlier attempt went through although its answer was lost.
      JsonNode existing = existing(org, userId, id);
      if (existing != null) {
        AssertionReadModel.keep(org, existing);
        return new BulkIssueAnswer.Outcome(index, recipient.email(), identity, "issued", id, false, null);
      }
      Problem problem = e.toProblem();
      String detail = problem.errors() == null || problem.errors().isEmpty() ? problem.detail()
          : problem.errors().get(0).field() + ": " + problem.errors().get(0).message();
      return new BulkIssueAnswer.Outcome(index, recipient.email(), identity, "rejected", null, false, detail);
    } catch (RuntimeException e) {
      if (!ReadThrough.isUnavailable(e)) {
        throw e;
      }
      return new BulkIssueAnswer.Outcome(index, recipient.email(), identity, "failed", null, false,
          "The platform could not be reached; retry the batch.");
    }
  }

  private JsonNode existing(String org, String userId, String id) {
    try {
      return manager.assertion(org, userId, id);
    } catch (UpstreamRejectedException e) {
      return null;
    }
  }

  @GET
  @Path("/{entity_id}/assertions/")
  @Operation(summary = "List a credential's assertions", description = "Tenant admins of {org}. The platform's paginated assertions answer.")
  public Response ofCredential(@RestPath String org, @RestPath("user_id") String userId,
      @RestPath("entity_id") String credentialId, @RestQuery String page, @RestQuery("page_size") String pageSize,
      @Context UriInfo uri) {
    caller.get().requireAdmin(org);
    PageRequest request = PageRequest.parse(page, pageSize);
    String scope = "assertions:" + org + ":credential:" + credentialId;
    return reads.read("assertion-list", SyncMark.lastSync(scope),
            () -> pageOf(AssertionReadModel.ofCredential(org, credentialId), request, uri),
            () -> {
              JsonNode answer = manager.credentialAssertions(org, userId, credentialId);
              AssertionReadModel.keepAll(org, answer.path("data"), AssertionReadModel.ofCredential(org, credentialId).list());
              QuarkusTransaction.requiringNew().run(() -> SyncMark.mark(scope, Instant.now()));
              return pageOf(AssertionReadModel.ofCredential(org, credentialId), request, uri);
            })
        .toResponse();
  }

  @GET
  @Path("/assertions/")
  @Operation(summary = "List a user's assertions",
      description = "The user themself, or tenant admins of {org}. Revoked assertions only with include_revoked=true.")
  public Response ofUser(@RestPath String org, @RestPath("user_id") String userId, @RestQuery String page,
      @RestQuery("page_size") String pageSize, @RestQuery("include_revoked") String includeRevoked, @Context UriInfo uri) {
    caller.get().requireSelfOrAdmin(org, null, userId);
    PageRequest request = PageRequest.parse(page, pageSize);
    boolean revoked = flag("include_revoked", includeRevoked);
    String scope = "assertions:" + org + ":user:" + userId;
    return reads.read("assertion-list", SyncMark.lastSync(scope),
            () -> pageOf(AssertionReadModel.ofRecipient(org, userId, revoked), request, uri),
            () -> {
              JsonNode answer = manager.userAssertions(org, userId, 1, 1000);
              List<AssertionReadModel> known = AssertionReadModel.ofRecipient(org, userId, true).list();
              // Only a complete answer tells which rows are gone.
              AssertionReadModel.keepAll(org, answer.path("data"),
                  answer.path("count").asInt() <= answer.path("data").size() ? known : List.of());
              QuarkusTransaction.requiringNew().run(() -> SyncMark.mark(scope, Instant.now()));
              return pageOf(AssertionReadModel.ofRecipient(org, userId, revoked), request, uri);
            })
        .toResponse();
  }

  @GET
  @Path("/assertions/{entity_id}")
  @Operation(summary = "Get an assertion", description = "Its recipient, or tenant admins of {org}.")
  public Response get(@RestPath String org, @RestPath("user_id") String userId, @RestPath("entity_id") String entityId) {
    Caller who = caller.get().requireMember(org);
    var local = AssertionReadModel.<AssertionReadModel>findByIdOptional(entityId).filter(r -> r.tenant.equals(org));
    var served = reads.read("assertion", local.map(r -> r.syncedAt).orElse(null),
        () -> local.orElseThrow(),
        () -> {
          try {
            return AssertionReadModel.keep(org, manager.assertion(org, userId, entityId));
          } catch (UpstreamRejectedException e) {
            if (e.isNotFound()) {
              local.ifPresent(r -> QuarkusTransaction.requiringNew().run(() -> AssertionReadModel.deleteById(r.entityId)));
            }
            throw e;
          }
        });
    AssertionReadModel row = served.value();
    if (!who.isAdminOf(org) && !who.isSelf(row.recipientIdentity) && !who.isSelf(row.recipientEmail)) {
      throw ProblemException.forbidden("Only its recipient or an administrator of '" + org + "' may see this assertion.");
    }
    return new ai.ibl.suite.common.freshness.Served<>(row.json(), served.outcome(), served.age(), served.cacheName())
        .toResponse();
  }

  @PUT
  @Path("/assertions/{entity_id}")
  @Operation(summary = "Revoke (or reinstate) an assertion", description = "Tenant admins of {org}. Revoking needs a revocationReason.")
  public JsonNode revoke(@RestPath String org, @RestPath("user_id") String userId, @RestPath("entity_id") String entityId,
      @Valid @NotNull RevokeRequest change) {
    caller.get().requireAdmin(org);
    if (change.revoked() && (change.revocationReason() == null || change.revocationReason().isBlank())) {
      throw ProblemException.invalid("revocationReason", "is required when revoking");
    }
    JsonNode current = AssertionReadModel.<AssertionReadModel>findByIdOptional(entityId)
        .filter(r -> r.tenant.equals(org))
        .map(r -> (JsonNode) r.json())
        .orElseGet(() -> manager.assertion(org, userId, entityId));
    ObjectNode body = json.createObjectNode()
        .put("entityId", entityId)
        .put("issuedOn", current.path("issuedOn").asText())
        .put("expires", current.path("expires").asText(""))
        .put("revoked", change.revoked())
        .put("revocationReason", change.revoked() ? change.revocationReason() : "");
    JsonNode saved = manager.updateAssertion(org, userId, entityId, body);
    AssertionReadModel.keep(org, saved);
    return saved;
  }

  /** The credential's expiry as its definition gives it ({@code {duration, amount}}), or null. */
  private JsonNode expiryOf(String org, String userId, String credentialId) {
    var local = CredentialReadModel.<CredentialReadModel>findByIdOptional(credentialId).filter(r -> r.tenant.equals(org));
    if (local.isEmpty()) {
      // Unknown here: the Manager says whether it exists (404 passes through); its definition carries no expiry we keep.
      CredentialReadModel.store(org, manager.credential(org, userId, credentialId), null);
      return null;
    }
    JsonNode expires = local.get().detailsJson().path("expires");
    return expires.isObject() ? expires : null;
  }

  /** The Manager's {@code Assertion} for an issue: it requires entityId, issuedOn, expires and revocationReason. */
  private ObjectNode assertionBody(String id, Recipient recipient, String course, JsonNode metadata, JsonNode expiry) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ObjectNode body = json.createObjectNode()
        .put("entityId", id)
        .put("issuedOn", now.toString())
        .put("expires", expiresAt(now, expiry))
        .put("revoked", false)
        .put("revocationReason", "");
    body.putObject("recipient").put("email", recipient.email()).put("identity", recipient.identityOrEmail());
    if (course != null) {
      body.putObject("course").put("course_id", course);
    }
    body.set("metadata", metadata == null ? json.createObjectNode() : metadata);
    return body;
  }

  private static String expiresAt(Instant issued, JsonNode expiry) {
    if (expiry == null) {
      return "";
    }
    int amount = expiry.path("amount").asInt();
    ZonedDateTime at = issued.atZone(ZoneOffset.UTC);
    ZonedDateTime end = switch (expiry.path("duration").asText()) {
      case "days" -> at.plusDays(amount);
      case "weeks" -> at.plusWeeks(amount);
      case "months" -> at.plusMonths(amount);
      case "years" -> at.plusYears(amount);
      default -> null;
    };
    return end == null ? "" : end.toInstant().toString();
  }

  private static PlatformPage.Result<JsonNode> pageOf(io.quarkus.hibernate.orm.panache.PanacheQuery<AssertionReadModel> query,
      PageRequest request, UriInfo uri) {
    long total = query.count();
    List<JsonNode> data = AssertionReadModel.page(query, request.page() - 1, request.pageSize()).stream()
        .map(r -> (JsonNode) r.json()).toList();
    // The platform answers assertion lists without the status wrapper (PaginatedAssertionsResponse).
    return PlatformPage.of(data, total, request, uri).result();
  }

  private static boolean flag(String name, String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw ProblemException.invalid(name, "must be true or false");
  }

  private String hashOf(BulkIssueRequest batch) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(batch).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unwritable answer", e);
    }
  }
}
