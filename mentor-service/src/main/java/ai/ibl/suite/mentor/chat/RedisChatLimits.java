package ai.ibl.suite.mentor.chat;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * {@link ChatLimits} shared by every replica through Redis: a counter per tenant and minute for
 * prompts, and per user a sorted set of answer leases scored by when they expire. A replica renews
 * the leases of its running answers every third of {@code answer-lease-ttl}; one that dies stops
 * renewing, and its users' slots come free within that time instead of staying taken.
 * The expiry is read from Redis's clock inside the scripts, so replicas' clocks need not agree.
 */
final class RedisChatLimits implements ChatLimits {
  private static final Logger LOG = Logger.getLogger(RedisChatLimits.class);
  private static final Duration MINUTE_TTL = Duration.ofSeconds(120);
  private static final String NOW = "local t = redis.call('TIME') "
      + "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) ";
  /** KEYS[1] the user's leases; ARGV: max, ttl ms, lease id. 1 when taken, 0 when the user has max running. */
  private static final String ACQUIRE = NOW
      + "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now) "
      + "if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end "
      + "redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3]) "
      + "redis.call('PEXPIRE', KEYS[1], ARGV[2]) "
      + "return 1";
  /** KEYS[1] the user's leases; ARGV: ttl ms, lease id. Pushes a lease's expiry on if it is still held. */
  private static final String RENEW = NOW
      + "if redis.call('ZSCORE', KEYS[1], ARGV[2]) then "
      + "redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[2]) "
      + "redis.call('PEXPIRE', KEYS[1], ARGV[1]) return 1 end "
      + "return 0";

  private final ChatConfig config;
  private final ReactiveRedisDataSource redis;
  private final ReactiveValueCommands<String, Long> values;
  private final ReactiveKeyCommands<String> keys;
  private final String prefix;
  private final String ttlMillis;
  /** This replica's running answers' leases: lease id to the user's key. */
  private final Map<String, String> held = new ConcurrentHashMap<>();
  private final long renewTimer;
  private final Vertx vertx;

  RedisChatLimits(ChatConfig config, ReactiveRedisDataSource redis, Vertx vertx) {
    this.config = config;
    this.redis = redis;
    this.vertx = vertx;
    this.values = redis.value(Long.class);
    this.keys = redis.key();
    this.prefix = config.redisPrefix();
    this.ttlMillis = Long.toString(config.answerLeaseTtl().toMillis());
    this.renewTimer = vertx.setPeriodic(Math.max(1, config.answerLeaseTtl().toMillis() / 3), t -> renew());
  }

  @Override
  public Uni<Lease> acquire(ChatUser user) {
    String minuteKey = prefix + ":prompts:" + user.tenant() + ":" + (System.currentTimeMillis() / 60_000);
    String leasesKey = prefix + ":answers:" + user.limitKey();
    String leaseId = UUID.randomUUID().toString();
    return values.incr(minuteKey)
        .call(n -> n == 1 ? keys.expire(minuteKey, MINUTE_TTL) : Uni.createFrom().voidItem())
        .flatMap(n -> {
          if (n > config.promptsPerMinute(user.tenant())) {
            return Uni.createFrom().failure(ChatLimits.tooManyPrompts());
          }
          return redis.execute("EVAL", ACQUIRE, "1", leasesKey,
              Integer.toString(config.maxConcurrentAnswersPerUser()), ttlMillis, leaseId);
        })
        .flatMap(taken -> {
          if (taken.toInteger() != 1) {
            return Uni.createFrom().failure(ChatLimits.tooManyAnswers(config.maxConcurrentAnswersPerUser()));
          }
          held.put(leaseId, leasesKey);
          AtomicBoolean released = new AtomicBoolean();
          Lease lease = () -> {
            if (released.compareAndSet(false, true)) {
              held.remove(leaseId);
              redis.execute("ZREM", leasesKey, leaseId).subscribe().with(x -> { },
                  e -> LOG.warnf("Could not release a chat slot in Redis (it expires by itself): %s", e.toString()));
            }
          };
          return Uni.createFrom().item(lease);
        });
  }

  private void renew() {
    held.forEach((leaseId, leasesKey) -> redis.execute("EVAL", RENEW, "1", leasesKey, ttlMillis, leaseId)
        .subscribe().with(x -> { },
            e -> LOG.debugf("Could not renew a chat slot in Redis: %s", e.toString())));
  }

  void close() {
    vertx.cancelTimer(renewTimer);
  }
}
