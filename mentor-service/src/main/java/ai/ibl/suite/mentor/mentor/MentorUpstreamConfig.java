package ai.ibl.suite.mentor.mentor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How this service names itself to the Manager when no caller is involved (reconciliation, chat lookups). */
@ConfigMapping(prefix = "mentor.upstream")
public interface MentorUpstreamConfig {
  /** The username put in the Manager's {@code users/{user_id}/} paths for service-initiated reads. */
  @WithDefault("ibl-suite")
  String actingUser();
}
