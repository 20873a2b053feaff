package ai.ibl.suite.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings every service shares; each service adds its own mapping for its own settings. */
@ConfigMapping(prefix = "suite")
public interface SuiteConfig {

  Http http();

  Upstream upstream();

  Freshness freshness();

  interface Freshness {
    /** How long a read-model copy is served without asking the upstream. */
    @WithDefault("30S")
    Duration defaultTtl();

    /** Per-entity overrides, e.g. {@code suite.freshness.ttl.program=2M}. */
    java.util.Map<String, Duration> ttl();

    default Duration ttlOf(String entity) {
      return ttl().getOrDefault(entity, defaultTtl());
    }

    /**
     * Sync marks not confirmed for this long are deleted (by {@code SyncMarkPruner}, every
     * {@code suite.freshness.prune-every}, 6H by default, {@code off} to never): every distinct
     * list query leaves one, and callers can make as many as they like. A query whose mark is gone
     * is fetched afresh on its next read.
     */
    @WithDefault("168H")
    Duration markRetention();

    /** How often old sync marks are pruned; read by the scheduler as {@code ${suite.freshness.prune-every:6H}}. */
    @WithDefault("6H")
    String pruneEvery();
  }

  interface Http {
    /** Bodies larger than this are refused with 413 before they are parsed. */
    @WithDefault("262144")
    long maxBodyBytes();
  }

  interface Upstream {
    /** What {@code Retry-After} tells callers when an upstream is failing or unreachable. */
    @WithDefault("5S")
    Duration retryAfter();

    /** The Manager's platform API key, sent as {@code Authorization: Api-Token ...}. Never logged. */
    java.util.Optional<String> managerApiToken();

    /** The ASGI chat server's base URL (ws:// or http://), for the services that relay chat. */
    java.util.Optional<String> asgiUrl();

    /** Fault-tolerance policy per upstream, by name ({@code manager}, {@code cms}, {@code lms}, {@code asgi}). */
    @io.smallrye.config.WithDefaults
    java.util.Map<String, Policy> policy();
  }

  interface Policy {
    /** Longest wait for one call. */
    @WithDefault("3S")
    Duration timeout();

    /** Extra attempts for idempotent calls; writes are never retried. */
    @WithDefault("2")
    int retries();

    @WithDefault("200MS")
    Duration retryDelay();

    /** Random spread added to each retry delay, so replicas do not retry in lockstep. */
    @WithDefault("150MS")
    Duration retryJitter();

    /** Calls in the breaker's rolling window. */
    @WithDefault("10")
    int breakerWindow();

    @WithDefault("0.5")
    double breakerFailureRatio();

    /** How long the breaker stays open before letting a trial call through. */
    @WithDefault("10S")
    Duration breakerDelay();

    @WithDefault("2")
    int breakerSuccesses();

    /** Concurrent calls allowed to this upstream from one replica. */
    @WithDefault("32")
    int bulkhead();
  }
}
