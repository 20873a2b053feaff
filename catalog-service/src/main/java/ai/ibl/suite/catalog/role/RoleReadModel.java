package ai.ibl.suite.catalog.role;

import ai.ibl.suite.common.freshness.UpstreamCopy;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** The local copy of the Manager's roles, one row per role, keyed by the Manager's id. */
@Entity
@Table(name = "role")
public class RoleReadModel extends UpstreamCopy {
  @Id
  public Long id;

  @Column(length = 255)
  public String name;

  @Column(length = 255)
  public String slug;

  /** Stores what the Manager answered for a role. */
  @Transactional
  public static RoleReadModel keep(String tenant, JsonNode role) {
    long id = role.path("id").asLong();
    RoleReadModel row = findById(id);
    if (row == null) {
      row = new RoleReadModel();
      row.id = id;
    }
    row.name = role.path("name").asText(null);
    row.slug = role.path("slug").asText(null);
    row.keep(tenant, role, Instant.now());
    row.persist();
    return row;
  }

  /** The local copy matching a query, as the Manager would match it. */
  public static Optional<RoleReadModel> match(String tenant, RoleQuery query) {
    StringBuilder where = new StringBuilder("tenant = ?1");
    java.util.List<Object> args = new java.util.ArrayList<>(java.util.List.of(tenant));
    if (query.id() != null) {
      args.add(query.id());
      where.append(" and id = ?").append(args.size());
    }
    if (query.name() != null) {
      args.add(query.name());
      where.append(" and name = ?").append(args.size());
    }
    if (query.slug() != null) {
      args.add(query.slug());
      where.append(" and slug = ?").append(args.size());
    }
    return find(where + " order by id", args.toArray()).firstResultOptional();
  }

  @Transactional
  public static void forget(String tenant, RoleQuery query) {
    match(tenant, query).ifPresent(RoleReadModel::delete);
  }
}
