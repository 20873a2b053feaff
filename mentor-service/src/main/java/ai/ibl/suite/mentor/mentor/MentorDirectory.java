package ai.ibl.suite.mentor.mentor;

import ai.ibl.suite.common.upstream.UpstreamRejectedException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.Optional;

/**
 * Mentor lookups for the rest of mentor-service (the chat relay): whether a mentor exists in a
 * tenant and whether it takes anonymous chat. Served from the read model while fresh, revalidated
 * from the Manager otherwise (also when the read model has never seen the mentor), and from the
 * last known copy while the Manager is unavailable.
 *
 * <p>Blocking (database and Manager calls): call it from a worker thread, never the event loop.
 */
@ApplicationScoped
public class MentorDirectory {
  private final MentorReads reads;
  private final MentorUpstreamConfig config;

  MentorDirectory(MentorReads reads, MentorUpstreamConfig config) {
    this.reads = reads;
    this.config = config;
  }

  /**
   * @param mentorSlugOrId the mentor's slug, the alias it was created with, its name, id or unique id
   * @return empty when the Manager says the tenant has no such mentor
   * @throws RuntimeException the upstream failure (mapped to 502/503/504 by common's problem
   *     mappers) when the Manager cannot answer and no copy is known
   */
  @ActivateRequestContext
  public Optional<MentorAccess> access(String tenant, String mentorSlugOrId) {
    if (tenant == null || tenant.isBlank() || mentorSlugOrId == null || mentorSlugOrId.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode mentor = reads.mentor(tenant, config.actingUser(), mentorSlugOrId).value();
      return Optional.of(new MentorAccess(tenant, mentor.path("slug").asText(mentor.path("name").asText()),
          mentor.path("id").asText(), mentor.path("allow_anonymous").asBoolean(false)));
    } catch (UpstreamRejectedException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
