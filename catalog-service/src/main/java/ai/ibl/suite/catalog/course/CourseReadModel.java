package ai.ibl.suite.catalog.course;

import ai.ibl.suite.common.SuiteConfig;
import ai.ibl.suite.common.freshness.UpstreamCopy;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** The local copy of the CMS's courses, one row per course key; the tenant is the key's org. */
@Entity
@Table(name = "cms_course")
public class CourseReadModel extends UpstreamCopy {
  /** Names the TTL ({@code suite.freshness.ttl.cms-course}) and the read metrics. */
  public static final String ENTITY = "cms-course";

  @Id
  @Column(name = "course_key", length = 255)
  public String courseKey;

  @Column(name = "display_name", columnDefinition = "text")
  public String displayName;

  /** Stores what the CMS answered for a course. */
  @Transactional
  public static CourseReadModel keep(CourseKey key, JsonNode course) {
    CourseReadModel row = findById(key.toString());
    if (row == null) {
      row = new CourseReadModel();
      row.courseKey = key.toString();
    }
    row.displayName = course.path("display_name").asText(null);
    row.keep(key.org(), course, Instant.now());
    row.persist();
    return row;
  }

  public static Optional<CourseReadModel> of(CourseKey key) {
    return findByIdOptional(key.toString());
  }

  @Transactional
  public static void forget(CourseKey key) {
    deleteById(key.toString());
  }

  /**
   * Makes the next read of the course ask the CMS again (something changed it there), while the
   * copy stays available for stale serving. The copy is dated back to just past its TTL, so its
   * {@code Age} may be overstated, never understated.
   */
  @Transactional
  public static void expire(CourseKey key, SuiteConfig config) {
    Instant cutoff = Instant.now().minus(config.freshness().ttlOf(ENTITY)).minusSeconds(1);
    update("syncedAt = ?1 where courseKey = ?2 and syncedAt > ?1", cutoff, key.toString());
  }
}
