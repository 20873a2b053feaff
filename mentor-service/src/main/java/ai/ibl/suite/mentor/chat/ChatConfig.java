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

  /**
   * With Redis: how long a running answer's slot stays taken unless its replica renews it (every
   * third of this). A replica that dies mid-answer frees its users' slots within this time.
   */
  @WithDefault("30S")
  Duration answerLeaseTtl();

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

  /** Upstream sockets one replica may hold: one per running answer, plus the idle ones kept. */
  @WithDefault("20000")
  int maxUpstreamSockets();

  /**
   * How long a conversation keeps its upstream socket once an answer ends, so that a follow-up
   * prompt skips the handshake; after that the socket is closed and the next prompt opens a new
   * one. Zero closes it once the answer's last frames have passed (see {@link #upstreamCloseDelay()}).
   */
  @WithDefault("30S")
  Duration upstreamKeepAlive();

  /**
   * Idle upstream sockets one replica keeps at most, across its conversations: beyond it, an
   * answer's upstream socket closes when the answer ends. Bounds descriptors and the upstream's
   * load to the open client sockets plus running answers plus this.
   */
  @WithDefault("1000")
  int maxIdleUpstreamSockets();

  /**
   * An upstream socket not kept (over the idle cap, or no keep-alive) closes when the upstream
   * ends its turn with its typing-off frame, or this long after the answer ended if that frame
   * does not come.
   */
  @WithDefault("2S")
  Duration upstreamCloseDelay();

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
