package ai.ibl.suite.mentor.chat;

import ai.ibl.suite.common.upstream.UpstreamGuard;
import ai.ibl.suite.common.upstream.UpstreamGuards;
import ai.ibl.suite.common.upstream.UpstreamRejectedException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads {@code allow_anonymous} from the Manager's mentor settings, remembered for a short while so
 * an anonymous conversation does not cost a Manager call per prompt. A mentor the Manager does not
 * know allows nothing.
 */
@DefaultBean
@ApplicationScoped
class ManagerMentorPolicy implements MentorPolicy {
  /** The settings endpoint is per user; anonymous visitors have none, so the lookup names this one. */
  private static final String ANONYMOUS_USER = "anonymous";

  private final MentorSettingsClient client;
  private final UpstreamGuard guard;
  private final ChatConfig config;
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  ManagerMentorPolicy(@RestClient MentorSettingsClient client, UpstreamGuards guards, ChatConfig config) {
    this.client = client;
    this.guard = guards.forUpstream("manager");
    this.config = config;
  }

  @Override
  public boolean allowsAnonymous(String tenant, String mentor) {
    String key = tenant + "/" + mentor;
    Remembered known = remembered.get(key);
    long now = System.nanoTime();
    if (known != null && now - known.at < config.mentorPolicyTtl().toNanos()) {
      return known.allows;
    }
    boolean allows;
    try {
      JsonNode settings = guard.idempotent(() -> client.settings(tenant, ANONYMOUS_USER, mentor));
      allows = settings != null && settings.path("allow_anonymous").asBoolean(false);
    } catch (UpstreamRejectedException e) {
      if (!e.isNotFound()) {
        throw e;
      }
      allows = false;
    }
    remembered.put(key, new Remembered(allows, now));
    return allows;
  }

  private record Remembered(boolean allows, long at) {}
}
