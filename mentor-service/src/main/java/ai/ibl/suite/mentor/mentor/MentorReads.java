package ai.ibl.suite.mentor.mentor;

import ai.ibl.suite.common.freshness.ReadThrough;
import ai.ibl.suite.common.freshness.Served;
import ai.ibl.suite.common.upstream.UpstreamRejectedException;
import ai.ibl.suite.mentor.upstream.ManagerGateway;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Reads of one mentor and its settings through the read model (DESIGN.md's read policy): fresh
 * copies are served locally, older ones revalidated from the Manager, the last copy served stale
 * when the Manager cannot answer. A mentor the Manager no longer has is forgotten.
 */
@ApplicationScoped
class MentorReads {
  static final String MENTOR = "mentor";
  static final String SETTINGS = "mentor_settings";

  private final ManagerGateway manager;
  private final ReadThrough reads;

  MentorReads(ManagerGateway manager, ReadThrough reads) {
    this.manager = manager;
    this.reads = reads;
  }

  /** The mentor {@code key} names in {@code tenant}; {@code userId} is the Manager path's user. */
  Served<JsonNode> mentor(String tenant, String userId, String key) {
    Optional<MentorReadModel> local = MentorReadModel.lookup(tenant, key);
    // The Manager knows mentors by its own slug, not by our alias or id.
    String upstreamKey = local.map(MentorReadModel::upstreamKey).orElse(key);
    return reads.read(MENTOR, local.map(m -> m.syncedAt).orElse(null),
        () -> local.orElseThrow().json(),
        () -> revalidate(tenant, userId, upstreamKey, local.map(m -> m.id).orElse(null)));
  }

  Served<JsonNode> settings(String tenant, String userId, String key) {
    MentorReadModel mentor = MentorReadModel.lookup(tenant, key).orElse(null);
    if (mentor == null) {
      mentor(tenant, userId, key);
      mentor = MentorReadModel.lookup(tenant, key).orElseThrow();
    }
    long id = mentor.id;
    String slug = mentor.upstreamKey();
    Optional<MentorSettingsReadModel> local = Optional.ofNullable(MentorSettingsReadModel.findById(id));
    return reads.read(SETTINGS, local.map(s -> s.syncedAt).orElse(null),
        () -> local.orElseThrow().json(),
        () -> revalidateSettings(tenant, userId, slug, id));
  }

  JsonNode revalidate(String tenant, String userId, String upstreamKey, Long knownId) {
    try {
      JsonNode mentor = manager.mentor(tenant, userId, upstreamKey);
      MentorReadModel.storeRacing(tenant, mentor, null, null);
      return mentor;
    } catch (UpstreamRejectedException e) {
      if (e.isNotFound() && knownId != null) {
        MentorReadModel.forget(knownId);
      }
      throw e;
    }
  }

  JsonNode revalidateSettings(String tenant, String userId, String slug, long mentorId) {
    try {
      JsonNode settings = manager.settings(tenant, userId, slug);
      MentorSettingsReadModel.storeRacing(tenant, mentorId, settings);
      return settings;
    } catch (UpstreamRejectedException e) {
      if (e.isNotFound()) {
        MentorReadModel.forget(mentorId);
      }
      throw e;
    }
  }
}
