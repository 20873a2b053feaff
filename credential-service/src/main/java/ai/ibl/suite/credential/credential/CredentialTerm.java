package ai.ibl.suite.credential.credential;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/** One search or filter term of a credential (see {@link CredentialReadModel#terms}). */
@Entity
@Table(name = "credential_term")
@IdClass(CredentialTerm.Key.class)
public class CredentialTerm extends PanacheEntityBase {
  @Id
  @Column(name = "entity_id", length = 255)
  public String entityId;

  @Id
  @Column(length = 300)
  public String term;

  @Column(length = 255, nullable = false)
  public String tenant;

  /** Replaces a credential's terms; called within the transaction that keeps the credential. */
  static void replace(String entityId, String tenant, Set<String> terms) {
    delete("entityId", entityId);
    getEntityManager().flush();
    for (String term : terms) {
      if (term.length() > 300) {
        continue;
      }
      CredentialTerm row = new CredentialTerm();
      row.entityId = entityId;
      row.term = term;
      row.tenant = tenant;
      row.persist();
    }
  }

  public static class Key implements Serializable {
    public String entityId;
    public String term;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(entityId, k.entityId) && Objects.equals(term, k.term);
    }

    @Override
    public int hashCode() {
      return Objects.hash(entityId, term);
    }
  }
}
