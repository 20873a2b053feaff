package ai.ibl.suite.credential.issuer;

import ai.ibl.suite.common.freshness.UpstreamCopy;
import ai.ibl.suite.credential.upstream.Bodies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The local copy of the Manager's issuers, keyed by entity id; {@code tenant} is the org it was created in. */
@Entity
@Table(name = "issuer")
public class IssuerReadModel extends UpstreamCopy {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Id
  @Column(name = "entity_id", length = 255)
  public String entityId;

  @Column(length = 255)
  public String org;

  @Column(length = 1000)
  public String name;

  /** What the caller sent that the Manager keeps no field for (e.g. the contact email). */
  @Column(columnDefinition = "text")
  public String details;

  public JsonNode answer() {
    return Bodies.answer(detailsJson(), json());
  }

  public JsonNode detailsJson() {
    try {
      return details == null ? null : JSON.readTree(details);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Unreadable issuer details", e);
    }
  }

  /** Stores what the Manager answered for an issuer; {@code details} null keeps the ones already kept. */
  @Transactional
  public static IssuerReadModel store(String tenant, JsonNode issuer, JsonNode details) {
    String id = issuer.path("entityId").asText();
    IssuerReadModel row = findById(id);
    if (row == null) {
      row = new IssuerReadModel();
      row.entityId = id;
    }
    row.org = Bodies.textOrNull(issuer, "org");
    row.name = Bodies.textOrNull(issuer, "name");
    if (details != null) {
      row.details = details.toString();
    }
    row.keep(tenant, issuer, Instant.now());
    row.persist();
    return row;
  }

  /** By entity id, else as the issuer of an org (the platform looks issuers up either way). */
  public static Optional<IssuerReadModel> byIdOrOrg(String idOrOrg) {
    Optional<IssuerReadModel> byId = findByIdOptional(idOrOrg);
    return byId.isPresent() ? byId : find("org = ?1 order by entityId", idOrOrg).firstResultOptional();
  }

  public static List<IssuerReadModel> page(String tenant, String q, int index, int size) {
    return query(tenant, q).page(Page.of(index, size)).list();
  }

  public static long total(String tenant, String q) {
    return query(tenant, q).count();
  }

  private static io.quarkus.hibernate.orm.panache.PanacheQuery<IssuerReadModel> query(String tenant, String q) {
    if (q == null || q.isBlank()) {
      return find("tenant = ?1 order by name, entityId", tenant);
    }
    return find("tenant = ?1 and lower(name) like ?2 order by name, entityId", tenant,
        "%" + q.toLowerCase(java.util.Locale.ROOT) + "%");
  }

  @Transactional
  public static void forget(String entityId) {
    deleteById(entityId);
  }
}
