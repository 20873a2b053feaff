package ai.ibl.suite.mentor.chat;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
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

  @Produces
  @ApplicationScoped
  ChatLimits limits(ChatConfig config, Instance<ReactiveRedisDataSource> redis) {
    if (config.redis()) {
      LOG.info("Chat limits are shared through Redis");
      return new RedisChatLimits(config, redis.get(), config.redisPrefix());
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
  }
}
