package ai.ibl.suite.mentor.chat;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * Gives each test run its own Redis key prefix, so concurrent runs on one Redis (other checkouts, CI
 * jobs) and earlier runs within the same minute never share the chat's counters and channels.
 */
public class ChatRedisResource implements QuarkusTestResourceLifecycleManager {
  @Override
  public Map<String, String> start() {
    return Map.of(
        "mentor.chat.redis-prefix", "mentor-chat-test-" + UUID.randomUUID(),
        "quarkus.redis.hosts", System.getenv().getOrDefault("SUITE_TEST_REDIS_URL", "redis://localhost:6379"));
  }

  @Override
  public void stop() {}
}
