package ai.ibl.suite.catalog.program;

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
 * The local copy of the Manager's programs, keyed by the Manager's id. The {@code Program} answer
 * carries the catalog keys (program_id, slug, enabled, courses) only in its free-form
 * {@code metadata}; what it leaves out is taken from the request that wrote the program.
 */
@Entity
@Table(name = "program")
public class ProgramReadModel extends UpstreamCopy {
  @Id
  public Long id;

  @Column(name = "program_id", length = 255)
  public String programId;

  @Column(length = 100)
  public String name;

  @Column(length = 255)
  public String slug;

  public Boolean enabled;

  /** The program's course ids, comma-delimited on both sides, so one can be matched with {@code like}. */
  @Column(name = "course_ids", columnDefinition = "text")
  public String courseIds;

  @Transactional
  public static void keep(String tenant, JsonNode program, ProgramRequest written) {
    keepOne(tenant, program, written);
  }

  private static void keepOne(String tenant, JsonNode program, ProgramRequest written) {
    long id = program.path("id").asLong();
    ProgramReadModel row = findById(id);
    if (row == null) {
      row = new ProgramReadModel();
      row.id = id;
    }
    JsonNode keys = program.path("metadata");
    row.name = program.path("name").asText(null);
    row.programId = text(keys, "program_id", written == null ? row.programId : written.programId());
    row.slug = text(keys, "slug", written == null ? row.slug : written.slug());
    row.enabled = keys.path("enabled").isBoolean() ? Boolean.valueOf(keys.get("enabled").asBoolean())
        : written != null ? (written.enabled() == null ? Boolean.TRUE : written.enabled()) : row.enabled;
    if (keys.path("course_list").isArray()) {
      StringBuilder ids = new StringBuilder(",");
      keys.get("course_list").forEach(c -> ids.append(c.path("course_id").asText()).append(','));
      row.courseIds = ids.toString();
    } else if (written != null) {
      StringBuilder ids = new StringBuilder(",");
      written.courseList().forEach(c -> ids.append(c.courseId()).append(','));
      row.courseIds = ids.toString();
    }
    row.keep(tenant, program, Instant.now());
    row.persist();
  }

  private static String text(JsonNode keys, String field, String fallback) {
    return keys.hasNonNull(field) ? keys.get(field).asText() : fallback;
  }

  /** Replaces the rows matching {@code query} with what the Manager answered for it. */
  @Transactional
  public static void replaceMatching(String tenant, ProgramQuery query, JsonNode answered) {
    Set<Long> ids = new HashSet<>();
    answered.forEach(p -> {
      keepOne(tenant, p, null);
      ids.add(p.path("id").asLong());
    });
    matching(tenant, query).stream().filter(r -> !ids.contains(r.id)).forEach(ProgramReadModel::delete);
  }

  static List<ProgramReadModel> matching(String tenant, ProgramQuery query) {
    Where where = new Where(tenant)
        .and("courseIds like ?", query.courseId() == null ? null : "%," + query.courseId() + ",%")
        .and("enabled = ?", query.enabled())
        .and("name = ?", query.name())
        .and("programId = ?", query.programId())
        .and("lower(slug) = lower(?)", query.slug());
    return find(where.query("id"), where.args()).list();
  }

  @Transactional
  static void forget(String tenant, String programId) {
    delete("tenant = ?1 and programId = ?2", tenant, programId);
  }
}
