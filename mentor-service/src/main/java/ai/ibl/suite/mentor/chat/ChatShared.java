package ai.ibl.suite.mentor.chat;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/**
 * Chooses where the state replicas share lives: Redis when {@code mentor.chat.redis} is on (with
 * {@code quarkus.redis.hosts}), memory otherwise (a replica running alone).
 */
@ApplicationScoped
class ChatShared {
  private static final Logger LOG = Logger.getLogger(ChatShared.class);
  private RedisStopBus redisStopBus;
  private RedisChatLimits redisLimits;

  @Produces
  @ApplicationScoped
  ChatLimits limits(ChatConfig config, Instance<ReactiveRedisDataSource> redis, Vertx vertx) {
    if (config.redis()) {
      LOG.info("Chat limits are shared through Redis");
      redisLimits = new RedisChatLimits(config, redis.get(), vertx);
      return redisLimits;
    }
    return new LocalChatLimits(config);
  }

  @Produces
  @ApplicationScoped
  StopBus stopBus(ChatConfig config, Generations generations, Instance<ReactiveRedisDataSource> redis) {
    if (config.redis()) {
      redisStopBus = new RedisStopBus(generations, redis.get(), config.redisPrefix(), config.stopTimeout());
      return redisStopBus;
    }
    return new LocalStopBus(generations);
  }

  /** Listens for stop requests from the start, not from this replica's first stop socket. */
  void listen(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event, StopBus bus) {
    bus.listen();
  }

  @PreDestroy
  void close() {
    if (redisStopBus != null) {
      redisStopBus.close();
    }
    if (redisLimits != null) {
      redisLimits.close();
    }
  }
}
