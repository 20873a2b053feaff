package ai.ibl.suite.catalog.skill;

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

/** The local copy of the Manager's skills ({@code Skill}: skill_id, name, slug, platform), keyed by skill_id. */
@Entity
@Table(name = "skill")
public class SkillReadModel extends UpstreamCopy {
  @Id
  public Long id;

  @Column(length = 255)
  public String name;

  @Column(length = 255)
  public String slug;

  /** Stores each skill of a {@code PaginatedSkill} the Manager answered. */
  @Transactional
  public static void keepPage(String tenant, JsonNode page) {
    for (JsonNode skill : page.path("results")) {
      keep(tenant, skill);
    }
  }

  @Transactional
  public static void keepAll(String tenant, List<JsonNode> skills) {
    skills.forEach(s -> keep(tenant, s));
  }

  static void keep(String tenant, JsonNode skill) {
    long id = skill.path("skill_id").asLong();
    SkillReadModel row = findById(id);
    if (row == null) {
      row = new SkillReadModel();
      row.id = id;
    }
    row.name = skill.path("name").asText(null);
    row.slug = skill.path("slug").asText(null);
    row.keep(tenant, skill, Instant.now());
    row.persist();
  }

  /** Replaces the tenant's skills with the full list the Manager answered. */
  @Transactional
  public static void replaceAll(String tenant, List<JsonNode> skills) {
    Set<Long> kept = new HashSet<>();
    skills.forEach(s -> {
      keep(tenant, s);
      kept.add(s.path("skill_id").asLong());
    });
    list("tenant", tenant).stream().map(SkillReadModel.class::cast)
        .filter(r -> !kept.contains(r.id)).forEach(SkillReadModel::delete);
  }

  @Transactional
  static void forgetMissing(String tenant, SkillQuery query, JsonNode page) {
    Set<Long> answered = new HashSet<>();
    page.path("results").forEach(s -> answered.add(s.path("skill_id").asLong()));
    matching(tenant, query).stream().filter(r -> !answered.contains(r.id)).forEach(SkillReadModel::delete);
  }

  static List<SkillReadModel> matching(String tenant, SkillQuery query) {
    Where where = new Where(tenant)
        .and("id = ?", query.id())
        .and("name = ?", query.name())
        .and("lower(name) = lower(?)", query.nameIexact())
        .and("slug = ?", query.slug());
    String sort = query.sort() == null ? "id" : query.sort();
    String column = switch (sort.replace("-", "")) {
      case "name" -> "name";
      case "slug" -> "slug";
      default -> "id";
    };
    return find(where.query(column + (sort.startsWith("-") ? " desc" : "") + ", id"), where.args()).list();
  }
}
