package ai.ibl.suite.credential.assertion;

import ai.ibl.suite.common.freshness.UpstreamCopy;
import ai.ibl.suite.credential.upstream.Bodies;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The local copy of the Manager's assertions (issued credentials), keyed by entity id. */
@Entity
@Table(name = "assertion")
public class AssertionReadModel extends UpstreamCopy {
  @Id
  @Column(name = "entity_id", length = 255)
  public String entityId;

  @Column(name = "credential_id", length = 255, nullable = false)
  public String credentialId;

  @Column(name = "recipient_identity", length = 255)
  public String recipientIdentity;

  @Column(name = "recipient_email", length = 320)
  public String recipientEmail;

  @Column(nullable = false)
  public boolean revoked;

  @Column(name = "issued_on", length = 64)
  public String issuedOn;

  @Transactional
  public static AssertionReadModel keep(String tenant, JsonNode assertion) {
    String id = assertion.path("entityId").asText();
    AssertionReadModel row = findById(id);
    if (row == null) {
      row = new AssertionReadModel();
      row.entityId = id;
    }
    row.credentialId = assertion.path("credentialDetails").path("entityId").asText(row.credentialId);
    row.recipientIdentity = Bodies.textOrNull(assertion.path("recipient"), "identity");
    row.recipientEmail = Bodies.textOrNull(assertion.path("recipient"), "email");
    row.revoked = assertion.path("revoked").asBoolean(false);
    row.issuedOn = Bodies.textOrNull(assertion, "issuedOn");
    row.keep(tenant, assertion, Instant.now());
    row.persist();
    return row;
  }

  /** Keeps a list the Manager answered in full, forgetting rows of the same scope it no longer has. */
  @Transactional
  public static void keepAll(String tenant, JsonNode assertions, List<AssertionReadModel> scope) {
    Set<String> seen = new java.util.HashSet<>();
    for (JsonNode a : assertions) {
      keep(tenant, a);
      seen.add(a.path("entityId").asText());
    }
    scope.stream().filter(r -> !seen.contains(r.entityId)).forEach(r -> deleteById(r.entityId));
  }

  /** The recipient's current (unrevoked) assertion of a credential, if any. */
  public static Optional<AssertionReadModel> held(String tenant, String credentialId, String identity) {
    return find("tenant = ?1 and credentialId = ?2 and recipientIdentity = ?3 and revoked = false order by issuedOn, entityId",
        tenant, credentialId, identity).firstResultOptional();
  }

  public static long revokedCount(String tenant, String credentialId, String identity) {
    return count("tenant = ?1 and credentialId = ?2 and recipientIdentity = ?3 and revoked = true",
        tenant, credentialId, identity);
  }

  public static PanacheQuery<AssertionReadModel> ofCredential(String tenant, String credentialId) {
    return find("tenant = ?1 and credentialId = ?2 order by issuedOn, entityId", tenant, credentialId);
  }

  public static PanacheQuery<AssertionReadModel> ofRecipient(String tenant, String user, boolean includeRevoked) {
    return includeRevoked
        ? find("tenant = ?1 and (recipientIdentity = ?2 or recipientEmail = ?2) order by issuedOn, entityId", tenant, user)
        : find("tenant = ?1 and (recipientIdentity = ?2 or recipientEmail = ?2) and revoked = false order by issuedOn, entityId",
            tenant, user);
  }

  public static List<AssertionReadModel> page(PanacheQuery<AssertionReadModel> query, int index, int size) {
    return query.page(Page.of(index, size)).list();
  }
}
