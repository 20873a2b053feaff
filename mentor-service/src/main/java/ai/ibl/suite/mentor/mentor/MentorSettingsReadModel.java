package ai.ibl.suite.mentor.mentor;

import ai.ibl.suite.common.freshness.UpstreamCopy;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The local copy of a mentor's settings (the Manager's {@code MentorSettingsPublic}), one row per mentor. */
@Entity
@Table(name = "mentor_settings")
public class MentorSettingsReadModel extends UpstreamCopy {
  @Id
  @Column(name = "mentor_id")
  public Long mentorId;

  @Transactional
  public static MentorSettingsReadModel store(String tenant, long mentorId, JsonNode settings) {
    MentorSettingsReadModel row = findById(mentorId);
    if (row == null) {
      row = new MentorSettingsReadModel();
      row.mentorId = mentorId;
    }
    row.keep(tenant, settings, Instant.now());
    row.persistAndFlush();
    MentorReadModel mentor = MentorReadModel.findById(mentorId);
    if (mentor != null) {
      // The settings are where the Manager says who may see the mentor.
      JsonNode visibility = settings.path("mentor_visibility");
      mentor.visibility = visibility.isTextual() && !visibility.asText().isBlank() ? visibility.asText() : null;
    }
    return row;
  }

  /** {@link #store}, once more if a concurrent request inserted the same settings first. */
  public static MentorSettingsReadModel storeRacing(String tenant, long mentorId, JsonNode settings) {
    try {
      return store(tenant, mentorId, settings);
    } catch (jakarta.persistence.PersistenceException e) {
      return store(tenant, mentorId, settings);
    }
  }
}
