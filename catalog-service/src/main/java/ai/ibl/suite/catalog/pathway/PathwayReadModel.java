package ai.ibl.suite.catalog.pathway;

import ai.ibl.suite.catalog.readmodel.Where;
import ai.ibl.suite.common.freshness.UpstreamCopy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The local copy of the Manager's pathways, keyed by the Manager's id. */
@Entity
@Table(name = "pathway")
public class PathwayReadModel extends UpstreamCopy {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Id
  public Long id;

  @Column(name = "pathway_id", length = 255)
  public String pathwayId;

  @Column(name = "pathway_uuid", length = 64)
  public String pathwayUuid;

  @Column(length = 255)
  public String name;

  @Column(length = 255)
  public String slug;

  @Column(name = "user_id")
  public Long userId;

  @Column(length = 255)
  public String username;

  public Boolean visible;

  /** The pathway's item ids, comma-delimited on both sides, so one can be matched with {@code like}. */
  @Column(name = "item_ids", columnDefinition = "text")
  public String itemIds;

  @Transactional
  public static void keep(String tenant, JsonNode pathway) {
    keepOne(tenant, pathway);
  }

  private static void keepOne(String tenant, JsonNode pathway) {
    long id = pathway.path("id").asLong();
    PathwayReadModel row = findById(id);
    if (row == null) {
      row = new PathwayReadModel();
      row.id = id;
    }
    row.pathwayId = pathway.path("pathway_id").asText(null);
    row.pathwayUuid = pathway.path("pathway_uuid").asText(null);
    row.name = pathway.path("name").asText(null);
    row.slug = pathway.path("slug").asText(null);
    row.userId = pathway.hasNonNull("user_id") ? Long.valueOf(pathway.get("user_id").asLong()) : row.userId;
    row.username = pathway.hasNonNull("username") ? pathway.get("username").asText() : row.username;
    row.visible = pathway.path("visible").isBoolean() ? Boolean.valueOf(pathway.get("visible").asBoolean()) : Boolean.TRUE;
    row.itemIds = itemIds(pathway.path("path"));
    row.keep(tenant, pathway, Instant.now());
    row.persist();
  }

  /** The Manager answers {@code path} as the item list serialised into a string. */
  private static String itemIds(JsonNode path) {
    StringBuilder ids = new StringBuilder(",");
    try {
      JsonNode items = path.isTextual() ? JSON.readTree(path.asText()) : path;
      items.forEach(i -> ids.append(i.path("item_id").asText()).append(','));
    } catch (java.io.IOException e) {
      // A path that is not a JSON list names no items we could filter on.
    }
    return ids.toString();
  }

  @Transactional
  public static void replaceMatching(String tenant, PathwayQuery query, JsonNode answered) {
    Set<Long> ids = new HashSet<>();
    answered.forEach(p -> {
      keepOne(tenant, p);
      ids.add(p.path("id").asLong());
    });
    matching(tenant, query).stream().filter(r -> !ids.contains(r.id)).forEach(PathwayReadModel::delete);
  }

  static List<PathwayReadModel> matching(String tenant, PathwayQuery query) {
    Where where = new Where(tenant)
        .and("itemIds like ?", query.itemId() == null ? null : "%," + query.itemId() + ",%")
        .and("name = ?", query.name())
        .and("pathwayId = ?", query.pathwayId())
        .and("pathwayUuid = ?", query.pathwayUuid())
        .and("lower(slug) = lower(?)", query.slug())
        .and("userId = ?", query.userId())
        .and("username = ?", query.username())
        .and("visible = ?", query.visible());
    return find(where.query("id"), where.args()).list();
  }

  @Transactional
  static void forget(String tenant, String pathwayId, Long userId) {
    delete("tenant = ?1 and pathwayId = ?2 and userId = ?3", tenant, pathwayId, userId);
  }
}
