package ai.ibl.suite.mentor.mentor;

import ai.ibl.suite.common.freshness.UpstreamCopy;
import ai.ibl.suite.common.page.PageRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The local copy of the Manager's mentors (its {@code Mentor} schema), one row per mentor, keyed by the Manager's id. */
@Entity
@Table(name = "mentor")
public class MentorReadModel extends UpstreamCopy {
  @Id
  public Long id;

  /** The Manager's slug, which it derives from the mentor's name. */
  @Column(length = 255)
  public String slug;

  @Column(length = 255)
  public String name;

  @Column(name = "unique_id", length = 64)
  public String uniqueId;

  /** The slug the creator asked for; an alias the Manager does not know. */
  @Column(name = "requested_slug", length = 255)
  public String requestedSlug;

  @Column(name = "allow_anonymous", nullable = false)
  public boolean allowAnonymous;

  /** The Manager's {@code mentor_visibility}, learned from the mentor's settings; null while unknown. */
  @Column(length = 64)
  public String visibility;

  static final String ADMINS_ONLY = "viewable_by_tenant_admins";

  /** Whether callers who do not administer the tenant are kept from seeing this mentor. */
  public boolean adminsOnly() {
    return ADMINS_ONLY.equals(visibility);
  }

  /** How the Manager finds this mentor: by slug, else by name. */
  public String upstreamKey() {
    return slug != null ? slug : name;
  }

  /** Stores what the Manager answered for a mentor; {@code requestedSlug} null keeps the alias already known. */
  @Transactional
  public static MentorReadModel store(String tenant, JsonNode mentor, String requestedSlug) {
    return store(tenant, mentor, requestedSlug, null);
  }

  /** As {@link #store(String, JsonNode, String)}; {@code visibility} null (or blank) keeps the one known. */
  @Transactional
  public static MentorReadModel store(String tenant, JsonNode mentor, String requestedSlug, String visibility) {
    long id = mentor.path("id").asLong();
    MentorReadModel row = findById(id);
    if (row == null) {
      row = new MentorReadModel();
      row.id = id;
    }
    row.slug = mentor.path("slug").asText(null);
    row.name = mentor.path("name").asText(null);
    row.uniqueId = mentor.path("unique_id").asText(null);
    row.allowAnonymous = mentor.path("allow_anonymous").asBoolean(false);
    if (requestedSlug != null) {
      row.requestedSlug = requestedSlug;
    }
    if (visibility != null && !visibility.isBlank()) {
      row.visibility = visibility;
    }
    row.keep(tenant, mentor, Instant.now());
    // Flushed here so a concurrent first insert of the same mentor fails inside this call.
    row.persistAndFlush();
    return row;
  }

  /**
   * {@link #store}, once more if another request inserted the same mentor first (two replicas or
   * chat sockets reading a mentor new to the read model at once): the second try updates that row.
   */
  public static MentorReadModel storeRacing(String tenant, JsonNode mentor, String requestedSlug, String visibility) {
    try {
      return store(tenant, mentor, requestedSlug, visibility);
    } catch (jakarta.persistence.PersistenceException e) {
      return store(tenant, mentor, requestedSlug, visibility);
    }
  }

  /**
   * The local copy a caller's key names, matched as the Manager matches (slug, else name), and also
   * by the requested alias, the unique id and the numeric id, which the platform's clients also use.
   */
  public static Optional<MentorReadModel> lookup(String tenant, String key) {
    long id = numeric(key);
    List<MentorReadModel> found = list(
        "tenant = ?1 and (slug = ?2 or requestedSlug = ?2 or name = ?2 or uniqueId = ?2 or id = ?3) order by id",
        tenant, key, id);
    return found.stream().filter(m -> key.equals(m.slug)).findFirst()
        .or(() -> found.stream().filter(m -> key.equals(m.requestedSlug)).findFirst())
        .or(() -> found.stream().findFirst());
  }

  /** Whether a slug or alias is already in use by a mentor of the tenant, as far as the read model knows. */
  public static boolean slugTaken(String tenant, String slug) {
    return count("tenant = ?1 and (slug = ?2 or requestedSlug = ?2)", tenant, slug) > 0;
  }

  /** A page of the tenant's mentors; without {@code withAdminsOnly}, those only its admins may see are left out. */
  public static PanacheQuery<MentorReadModel> ofTenant(String tenant, boolean withAdminsOnly, PageRequest page) {
    PanacheQuery<MentorReadModel> query = withAdminsOnly
        ? find("tenant", Sort.by("id"), tenant)
        : find("tenant = ?1 and (visibility is null or visibility <> ?2)", Sort.by("id"), tenant, ADMINS_ONLY);
    return query.page(Page.of(page.page() - 1, page.pageSize()));
  }

  public static List<MentorReadModel> allOfTenant(String tenant) {
    return list("tenant", Sort.by("id"), tenant);
  }

  public static List<String> tenants() {
    return getEntityManager()
        .createQuery("select distinct m.tenant from MentorReadModel m order by m.tenant", String.class)
        .getResultList();
  }

  /** The Manager no longer has this mentor: forget it and its settings. */
  @Transactional
  public static void forget(long id) {
    deleteById(id);
    MentorSettingsReadModel.deleteById(id);
  }

  private static long numeric(String key) {
    try {
      return Long.parseLong(key);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
