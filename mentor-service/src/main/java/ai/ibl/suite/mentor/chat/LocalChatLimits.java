package ai.ibl.suite.mentor.chat;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link ChatLimits} for a replica running alone. */
final class LocalChatLimits implements ChatLimits {
  private final ChatConfig config;
  private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> perMinute = new ConcurrentHashMap<>();

  LocalChatLimits(ChatConfig config) {
    this.config = config;
  }

  @Override
  public boolean answersAtOnce() {
    return true;
  }

  @Override
  public Uni<Lease> acquire(ChatUser user) {
    return Uni.createFrom().item(() -> acquireNow(user));
  }

  @Override
  public Lease acquireNow(ChatUser user) {
    long minute = System.currentTimeMillis() / 60_000;
    String minuteKey = user.tenant() + ":" + minute;
    perMinute.keySet().removeIf(k -> !k.endsWith(":" + minute));
    if (perMinute.computeIfAbsent(minuteKey, k -> new AtomicInteger()).incrementAndGet()
        > config.promptsPerMinute(user.tenant())) {
      throw ChatLimits.tooManyPrompts();
    }
    AtomicInteger count = running.computeIfAbsent(user.limitKey(), k -> new AtomicInteger());
    if (count.incrementAndGet() > config.maxConcurrentAnswersPerUser()) {
      count.decrementAndGet();
      throw ChatLimits.tooManyAnswers(config.maxConcurrentAnswersPerUser());
    }
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        count.decrementAndGet();
      }
    };
  }
}
