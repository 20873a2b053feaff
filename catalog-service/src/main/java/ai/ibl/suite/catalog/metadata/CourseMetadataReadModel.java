package ai.ibl.suite.catalog.metadata;

import ai.ibl.suite.common.freshness.UpstreamCopy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * What this service knows of a course's metadata: {@code {course_id, metadata}}. The Manager's
 * description documents its answers without bodies, so the metadata is what was written through
 * this service (merged as the Manager merges it); reads confirm with the Manager that the course
 * still has metadata. {@code metadata} is null for a course whose metadata was only ever confirmed.
 */
@Entity
@Table(name = "course_metadata")
public class CourseMetadataReadModel extends UpstreamCopy {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "course_id", nullable = false, length = 255)
  public String courseId;

  public static Optional<CourseMetadataReadModel> match(String tenant, String courseId) {
    return find("tenant = ?1 and courseId = ?2", tenant, courseId).firstResultOptional();
  }

  /** Applies an update the Manager accepted, and answers the course's metadata as it now stands here. */
  @Transactional
  public static JsonNode written(String tenant, CourseMetadataRequest update) {
    CourseMetadataReadModel row = match(tenant, update.courseId()).orElseGet(CourseMetadataReadModel::new);
    JsonNode known = row.body == null ? null : row.json().get("metadata");
    ObjectNode metadata = update.merges() && known != null && known.isObject()
        ? ((ObjectNode) known.deepCopy()).setAll((ObjectNode) update.metadata())
        : ((ObjectNode) update.metadata()).deepCopy();
    return store(row, tenant, update.courseId(), metadata);
  }

  /** The Manager confirmed the course has metadata: keep what is known, or record that it exists. */
  @Transactional
  public static JsonNode confirmed(String tenant, String courseId) {
    CourseMetadataReadModel row = match(tenant, courseId).orElseGet(CourseMetadataReadModel::new);
    JsonNode known = row.body == null ? null : row.json().get("metadata");
    return store(row, tenant, courseId, known);
  }

  private static JsonNode store(CourseMetadataReadModel row, String tenant, String courseId, JsonNode metadata) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("course_id", courseId);
    body.set("metadata", metadata == null ? JsonNodeFactory.instance.nullNode() : metadata);
    row.courseId = courseId;
    row.keep(tenant, body, Instant.now());
    row.persist();
    return body;
  }

  @Transactional
  public static void forget(String tenant, String courseId) {
    delete("tenant = ?1 and courseId = ?2", tenant, courseId);
  }
}
