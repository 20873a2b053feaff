package ai.ibl.suite.mentor.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The chat relay's settings ({@code mentor.chat.*}). */
@ConfigMapping(prefix = "mentor.chat")
public interface ChatConfig {

  /** Answers one user may have streaming at once, across all replicas. */
  @WithDefault("2")
  int maxConcurrentAnswersPerUser();

  /** Prompts one tenant may send per minute, across all replicas. */
  @WithDefault("600")
  int promptsPerMinutePerTenant();

  /** Per-tenant overrides of {@link #promptsPerMinutePerTenant()}, e.g. {@code mentor.chat.tenant-prompts-per-minute.acme=60}. */
  java.util.Map<String, Integer> tenantPromptsPerMinute();

  default int promptsPerMinute(String tenant) {
    return tenantPromptsPerMinute().getOrDefault(tenant, promptsPerMinutePerTenant());
  }

  /** How long running answers may take to finish once the replica shuts down. */
  @WithDefault("30S")
  Duration shutdownGrace();

  @WithDefault("5S")
  Duration upstreamConnectTimeout();

  /** Upstream sockets one replica may hold (one per client socket that has prompted). */
  @WithDefault("20000")
  int maxUpstreamSockets();

  /** Longest silence from the upstream while an answer runs before the answer is failed. */
  @WithDefault("60S")
  Duration upstreamIdleTimeout();

  /** Frames written to a client but not yet flushed at which reading from the upstream pauses. */
  @WithDefault("256")
  int outboundHighWater();

  /** Unflushed frames at which reading from the upstream resumes. */
  @WithDefault("64")
  int outboundLowWater();

  /** How long a client may keep the upstream paused before it is closed as too slow. */
  @WithDefault("15S")
  Duration slowClientTimeout();

  /** How long a stop request waits for the replica holding the generation to confirm. */
  @WithDefault("5S")
  Duration stopTimeout();

  /** Prefix of the Redis keys and channels of the chat (limits, stop). */
  @WithDefault("mentor-chat")
  String redisPrefix();

  /** Use Redis for limits and stop across replicas; off means this replica runs alone. */
  @WithDefault("false")
  boolean redis();

  /**
   * How long ended answers' transcripts wait to be stored together: one transaction per batch
   * instead of one per answer keeps database work off the path of the next prompts.
   */
  @WithDefault("200MS")
  Duration transcriptBatchDelay();

  /** Longest answer kept in a transcript; longer answers are cut (the client still gets everything). */
  @WithDefault("1000000")
  int maxTranscriptChars();
}
