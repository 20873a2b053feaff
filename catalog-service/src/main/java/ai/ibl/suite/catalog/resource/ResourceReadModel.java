package ai.ibl.suite.catalog.resource;

import ai.ibl.suite.catalog.readmodel.Where;
import ai.ibl.suite.common.freshness.UpstreamCopy;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The local copy of the Manager's resources, keyed by the Manager's id. The {@code Resource}
 * answer does not echo its owner: that comes from the request that wrote it, or from the query
 * that listed it.
 */
@Entity
@Table(name = "resource")
public class ResourceReadModel extends UpstreamCopy {
  @Id
  public Long id;

  @Column(name = "item_id", length = 255)
  public String itemId;

  @Column(length = 255)
  public String name;

  @Column(name = "resource_type", length = 255)
  public String resourceType;

  @Column(name = "user_id")
  public Long userId;

  @Column(length = 255)
  public String username;

  @Transactional
  public static void keep(String tenant, JsonNode resource, Long userId, String username) {
    keepOne(tenant, resource, userId, username);
  }

  private static void keepOne(String tenant, JsonNode resource, Long userId, String username) {
    long id = resource.path("id").asLong();
    ResourceReadModel row = findById(id);
    if (row == null) {
      row = new ResourceReadModel();
      row.id = id;
    }
    row.itemId = resource.hasNonNull("item_id") ? resource.get("item_id").asText() : row.itemId;
    row.name = resource.path("name").asText(null);
    row.resourceType = resource.path("resource_type").asText(null);
    row.userId = userId != null ? userId : row.userId;
    row.username = username != null ? username : row.username;
    row.keep(tenant, resource, Instant.now());
    row.persist();
  }

  @Transactional
  public static void replaceMatching(String tenant, ResourceQuery query, JsonNode answered) {
    Set<Long> ids = new HashSet<>();
    answered.forEach(r -> {
      keepOne(tenant, r, query.userId(), query.username());
      ids.add(r.path("id").asLong());
    });
    matching(tenant, query).stream().filter(r -> !ids.contains(r.id)).forEach(ResourceReadModel::delete);
  }

  static List<ResourceReadModel> matching(String tenant, ResourceQuery query) {
    Where where = new Where(tenant)
        .and("id = ?", query.id())
        .and("itemId = ?", query.itemId())
        .and("name = ?", query.name())
        .and("resourceType = ?", query.resourceType())
        .and("userId = ?", query.userId())
        .and("username = ?", query.username());
    if (query.contradicts(tenant)) {
      where.never();
    }
    return find(where.query("id"), where.args()).list();
  }

  @Transactional
  static void forget(String tenant, ResourceQuery query) {
    matching(tenant, query).forEach(ResourceReadModel::delete);
  }
}
