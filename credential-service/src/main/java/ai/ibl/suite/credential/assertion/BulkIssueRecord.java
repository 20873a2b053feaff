package ai.ibl.suite.credential.assertion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The answer given to a bulk issue sent with an {@code Idempotency-Key}, replayed when the same batch comes again. */
@Entity
@Table(name = "bulk_issue")
@IdClass(BulkIssueRecord.Key.class)
public class BulkIssueRecord extends PanacheEntityBase {
  @Id
  @Column(length = 255)
  public String tenant;

  @Id
  @Column(name = "credential_id", length = 255)
  public String credentialId;

  @Id
  @Column(name = "idem_key", length = 255)
  public String idemKey;

  @Column(name = "request_hash", length = 64, nullable = false)
  public String requestHash;

  @Column(columnDefinition = "text", nullable = false)
  public String answer;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  public static Optional<BulkIssueRecord> of(String tenant, String credentialId, String key) {
    return find("tenant = ?1 and credentialId = ?2 and idemKey = ?3", tenant, credentialId, key).firstResultOptional();
  }

  @Transactional
  public static void remember(String tenant, String credentialId, String key, String hash, String answer) {
    if (of(tenant, credentialId, key).isPresent()) {
      return;
    }
    BulkIssueRecord row = new BulkIssueRecord();
    row.tenant = tenant;
    row.credentialId = credentialId;
    row.idemKey = key;
    row.requestHash = hash;
    row.answer = answer;
    row.createdAt = Instant.now();
    row.persist();
  }

  public static class Key implements Serializable {
    public String tenant;
    public String credentialId;
    public String idemKey;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(tenant, k.tenant) && Objects.equals(credentialId, k.credentialId)
          && Objects.equals(idemKey, k.idemKey);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenant, credentialId, idemKey);
    }
  }
}
