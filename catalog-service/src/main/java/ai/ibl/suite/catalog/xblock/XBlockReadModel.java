package ai.ibl.suite.catalog.xblock;

import ai.ibl.suite.catalog.course.CourseKey;
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

/**
 * The local copy of XBlock details (what the CMS's get-details answers), one row per usage key;
 * the tenant is the key's org.
 */
@Entity
@Table(name = "cms_xblock")
public class XBlockReadModel extends UpstreamCopy {
  /** Names the TTL ({@code suite.freshness.ttl.cms-xblock}) and the read metrics. */
  public static final String ENTITY = "cms-xblock";

  @Id
  @Column(length = 512)
  public String locator;

  @Column(name = "course_key", length = 255, nullable = false)
  public String courseKey;

  @Column(length = 255)
  public String category;

  @Column(name = "display_name", columnDefinition = "text")
  public String displayName;

  @Column(name = "parent_locator", length = 512)
  public String parentLocator;

  /** Stores what the CMS answered as the block's details. */
  @Transactional
  public static XBlockReadModel keep(BlockLocator locator, JsonNode details) {
    XBlockReadModel row = findById(locator.toString());
    if (row == null) {
      row = new XBlockReadModel();
      row.locator = locator.toString();
    }
    row.courseKey = locator.course().toString();
    row.category = locator.type();
    row.displayName = details.path("display_name").asText(null);
    String parent = details.path("parent_locator").asText(null);
    row.parentLocator = parent != null && parent.length() <= BlockLocator.MAX_LENGTH ? parent : null;
    row.keep(locator.org(), details, Instant.now());
    row.persist();
    return row;
  }

  /**
   * After a write: the CMS's answer is kept when it is the block's details; otherwise (a bare
   * success message) the copy is only marked for revalidation, so nothing but the CMS's own
   * words ever lands in the read model.
   */
  @Transactional
  public static void keepOrExpire(BlockLocator locator, JsonNode answer, SuiteConfig config) {
    if (isDetailsOf(locator, answer)) {
      keep(locator, answer);
    } else {
      expire(locator, config);
    }
  }

  /**
   * After a create: keeps the new block when the CMS answered with its details, and marks the
   * parent for revalidation, since its children changed.
   */
  @Transactional
  public static void keepCreated(BlockLocator parent, JsonNode answer, SuiteConfig config) {
    String created = answer == null ? null : answer.path("locator").asText(null);
    if (created != null && created.length() <= BlockLocator.MAX_LENGTH && created.matches(BlockLocator.PATTERN)) {
      BlockLocator locator = BlockLocator.parse(created);
      if (locator.course().equals(parent.course()) && isDetailsOf(locator, answer)) {
        keep(locator, answer);
      }
    }
    expire(parent, config);
  }

  /** Whether an answer is a block's details (and not, say, a bare {@code {"locator", "courseKey"}}). */
  static boolean isDetailsOf(BlockLocator locator, JsonNode answer) {
    String self = locator.toString();
    return answer != null && answer.isObject()
        && (self.equals(answer.path("locator").asText(null)) || self.equals(answer.path("id").asText(null)))
        && answer.hasNonNull("category");
  }

  public static Optional<XBlockReadModel> of(BlockLocator locator) {
    return findByIdOptional(locator.toString());
  }

  @Transactional
  public static void forget(BlockLocator locator) {
    deleteById(locator.toString());
  }

  /**
   * Makes the next read of a block ask the CMS again, while the copy stays available for stale
   * serving. The copy is dated back to just past its TTL, so its {@code Age} may be overstated,
   * never understated.
   */
  @Transactional
  public static void expire(BlockLocator locator, SuiteConfig config) {
    update("syncedAt = ?1 where locator = ?2 and syncedAt > ?1", cutoff(config), locator.toString());
  }

  /** The same, for every block of a course other than {@code except} (publishing reaches a whole subtree). */
  @Transactional
  public static void expireCourse(CourseKey course, BlockLocator except, SuiteConfig config) {
    update("syncedAt = ?1 where courseKey = ?2 and locator <> ?3 and syncedAt > ?1",
        cutoff(config), course.toString(), except.toString());
  }

  private static Instant cutoff(SuiteConfig config) {
    return Instant.now().minus(config.freshness().ttlOf(ENTITY)).minusSeconds(1);
  }
}
