package ai.ibl.suite.credential.verify;

import ai.ibl.suite.common.error.ProblemException;
import ai.ibl.suite.common.freshness.ReadThrough;
import ai.ibl.suite.common.freshness.Served;
import ai.ibl.suite.common.upstream.UpstreamRejectedException;
import ai.ibl.suite.credential.assertion.AssertionReadModel;
import ai.ibl.suite.credential.credential.CredentialReadModel;
import ai.ibl.suite.credential.issuer.IssuerReadModel;
import ai.ibl.suite.credential.upstream.Bodies;
import ai.ibl.suite.credential.upstream.ManagerGateway;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Public verification of an issued credential, for whoever is shown one (an employer, a
 * verifier following an Open Badges link): no token needed. It tells what a verifier checks and no
 * more: the recipient appears as Open Badges' hashed identity, never as a readable email.
 */
@Path("/api/credentials/verify")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "verification")
public class VerificationResource {
  private final ManagerGateway manager;
  private final ReadThrough reads;

  VerificationResource(ManagerGateway manager, ReadThrough reads) {
    this.manager = manager;
    this.reads = reads;
  }

  @GET
  @Path("/{assertion_id}")
  @SecurityRequirementsSet({})
  @Operation(summary = "Verify an issued credential (public, no token)",
      description = "Answers the credential, its issuer, the recipient's identity as issued (hashed, as Open Badges 2.0 "
          + "writes it: sha256$hex(lowercased email + salt)), when it was issued and expires, whether it is revoked and why, "
          + "and `valid` (neither revoked nor expired). 404 for an unknown assertion.")
  @APIResponse(responseCode = "200", description = "The verification",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Verification.class)))
  @APIResponse(responseCode = "404", description = "No such assertion")
  public Response verify(@RestPath("assertion_id") String assertionId) {
    var local = AssertionReadModel.<AssertionReadModel>findByIdOptional(assertionId)
        .orElseThrow(() -> ProblemException.notFound("No credential was issued as '" + assertionId + "'."));
    Served<AssertionReadModel> served = reads.read("assertion", local.syncedAt, () -> local, () -> {
      try {
        String user = local.recipientIdentity != null ? local.recipientIdentity : local.recipientEmail;
        return AssertionReadModel.keep(local.tenant, manager.assertion(local.tenant, user, assertionId));
      } catch (UpstreamRejectedException e) {
        if (e.isNotFound()) {
          QuarkusTransaction.requiringNew().run(() -> AssertionReadModel.deleteById(assertionId));
          throw ProblemException.notFound("No credential was issued as '" + assertionId + "'.");
        }
        throw e;
      }
    });
    return new Served<>(viewOf(served.value()), served.outcome(), served.age(), served.cacheName()).toResponse();
  }

  private static Verification viewOf(AssertionReadModel row) {
    JsonNode assertion = row.json();
    String expires = blankToNull(assertion.path("expires").asText(null));
    boolean expired = isPast(expires);
    boolean revoked = assertion.path("revoked").asBoolean(false);
    String salt = row.entityId;
    String email = Bodies.textOrNull(assertion.path("recipient"), "email");
    Verification.Recipient recipient = new Verification.Recipient("email", true, salt,
        email == null ? null : "sha256$" + sha256(email.toLowerCase(Locale.ROOT) + salt));

    JsonNode details = assertion.path("credentialDetails");
    var credentialRow = CredentialReadModel.<CredentialReadModel>findByIdOptional(row.credentialId);
    JsonNode credential = credentialRow.map(r -> (JsonNode) r.answer()).orElse(details);
    Verification.Credential credentialView = new Verification.Credential(row.credentialId,
        Bodies.textOrNull(credential, "name"), Bodies.textOrNull(credential, "description"),
        Bodies.textOrNull(credential, "credentialType"), Bodies.textOrNull(credential, "criteriaUrl"),
        Bodies.textOrNull(credential, "criteriaNarrative"), Bodies.textOrNull(credential, "iconImage"));

    String issuerId = credentialRow.map(r -> r.issuer).orElse(Bodies.textOrNull(details, "issuer"));
    Verification.Issuer issuer = issuerId == null ? null
        : IssuerReadModel.<IssuerReadModel>findByIdOptional(issuerId)
            .map(i -> {
              JsonNode j = i.answer();
              return new Verification.Issuer(i.entityId, Bodies.textOrNull(j, "name"), blankToNull(Bodies.textOrNull(j, "url")),
                  blankToNull(Bodies.textOrNull(j, "iconImage")), Bodies.textOrNull(j, "email"));
            })
            .orElse(new Verification.Issuer(issuerId, null, null, null, null));

    return new Verification(row.entityId, !revoked && !expired, revoked,
        revoked ? blankToNull(assertion.path("revocationReason").asText(null)) : null,
        assertion.path("issuedOn").asText(null), expires, expired, recipient, credentialView, issuer);
  }

  private static boolean isPast(String instant) {
    if (instant == null) {
      return false;
    }
    try {
      return Instant.parse(instant).isBefore(Instant.now());
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
