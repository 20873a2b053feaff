package ai.ibl.suite.mentor.chat;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * {@link ChatLimits} shared by every replica through Redis counters: one per user for running
 * answers, one per tenant and minute for prompts. Running counters expire, so a replica that dies
 * mid-answer does not hold a user's slot forever.
 */
final class RedisChatLimits implements ChatLimits {
  private static final Logger LOG = Logger.getLogger(RedisChatLimits.class);
  private static final Duration RUNNING_TTL = Duration.ofMinutes(15);
  private static final Duration MINUTE_TTL = Duration.ofSeconds(120);

  private final ChatConfig config;
  private final ReactiveValueCommands<String, Long> values;
  private final ReactiveKeyCommands<String> keys;
  private final String prefix;

  RedisChatLimits(ChatConfig config, ReactiveRedisDataSource redis, String prefix) {
    this.config = config;
    this.values = redis.value(Long.class);
    this.keys = redis.key();
    this.prefix = prefix;
  }

  @Override
  public Uni<Lease> acquire(ChatUser user) {
    String minuteKey = prefix + ":prompts:" + user.tenant() + ":" + (System.currentTimeMillis() / 60_000);
    String runningKey = prefix + ":running:" + user.limitKey();
    return values.incr(minuteKey)
        .call(n -> n == 1 ? keys.expire(minuteKey, MINUTE_TTL) : Uni.createFrom().voidItem())
        .flatMap(n -> {
          if (n > config.promptsPerMinute(user.tenant())) {
            return Uni.createFrom().failure(ChatLimits.tooManyPrompts());
          }
          return values.incr(runningKey).call(r -> keys.expire(runningKey, RUNNING_TTL));
        })
        .<Lease>flatMap(running -> {
          if (running > config.maxConcurrentAnswersPerUser()) {
            return values.decr(runningKey).flatMap(x -> Uni.createFrom()
                .<Lease>failure(ChatLimits.tooManyAnswers(config.maxConcurrentAnswersPerUser())));
          }
          AtomicBoolean released = new AtomicBoolean();
          Lease lease = () -> {
            if (released.compareAndSet(false, true)) {
              values.decr(runningKey).subscribe().with(x -> { },
                  e -> LOG.warnf("Could not release a chat slot in Redis: %s", e.toString()));
            }
          };
          return Uni.createFrom().item(lease);
        });
  }
}
