package ai.ibl.suite.mentor.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.asgi.ChatDomain;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas sharing Redis: the running service is replica A; replica B is a second set of the
 * relay's shared-state parts (its own stop bus with its own, empty, generations; its own limits)
 * on the same Redis, as a second process would have.
 */
@QuarkusTest
@UpstreamSlate
class ChatReplicasTest {
  @InjectEmulator
  PlatformEmulator emulator;

  @TestHTTPResource("/")
  URL base;

  @Inject
  ReactiveRedisDataSource redis;

  @Inject
  ChatConfig config;

  /** Replica B's timers (lease renewal) run on this process's Vert.x, as a second process's would on its own. */
  @Inject
  Vertx vertx;

  ChatDomain chat;

  @BeforeEach
  void cleanSlate() {
    chat = emulator.domain(ChatDomain.class);
    Eventually.within(Duration.ofSeconds(5), () -> assertThat(chat.running()).isZero());
  }

  ChatClient open() {
    return ChatClient.open(base.getPort(), ChatSocketTest.CHAT);
  }

  @Test
  void aStopReachingAnotherReplicaStopsTheAnswerStreamingHere() {
    RedisStopBus replicaB = new RedisStopBus(new Generations(), redis, config.redisPrefix(), Duration.ofSeconds(3));
    chat.chunks(500).chunkDelayMillis(10);
    try (ChatClient client = open()) {
      client.send(ChatClient.prompt("long", "main", "ai-mentor", "learner",
          emulator.tokens().tokenFor("learner"), "s-" + UUID.randomUUID()));
      String generation = client.nextContent().getString("generation_id");
      String frame = new JsonObject().put("generation_id", generation).put("name", "ai-mentor")
          .put("tenant", "main").put("token", emulator.tokens().tokenFor("learner")).encode();
      // Replica B does not hold the generation: it asks over Redis, replica A stops it upstream.
      Eventually.within(Duration.ofSeconds(5), () -> assertThat(replicaB.stop(
              new StopRequest(UUID.randomUUID().toString(), generation, frame, "learner", false, List.of()))
          .await().atMost(Duration.ofSeconds(5))).isEqualTo(StopRequest.Outcome.STOPPED));
      List<JsonObject> rest = client.answer();
      assertThat(rest.get(rest.size() - 1)).isEqualTo(new JsonObject().put("generation_id", generation).put("eos", true));
      assertThat(rest).filteredOn(f -> f.containsKey("data")).hasSizeLessThan(499);
    } finally {
      replicaB.close();
    }
    assertThat(chat.stops()).hasSize(1);
    assertThat(new JsonObject(chat.stops().get(0).encode()).getString("generation_id")).isNotBlank();
  }

  @Test
  void aStopForAGenerationNoReplicaHoldsTimesOutAsUnknown() {
    RedisStopBus replicaB = new RedisStopBus(new Generations(), redis, config.redisPrefix(), Duration.ofMillis(500));
    try {
      assertThat(replicaB.stop(new StopRequest(UUID.randomUUID().toString(), "nobody-has-it", "{}", "learner",
          false, List.of())).await().atMost(Duration.ofSeconds(5))).isEqualTo(StopRequest.Outcome.UNKNOWN);
    } finally {
      replicaB.close();
    }
  }

  @Test
  void concurrentAnswersPerUserCountAcrossReplicas() {
    RedisChatLimits replicaB = new RedisChatLimits(config, redis, vertx);
    chat.chunks(40).chunkDelayMillis(50);
    // The learner streams two answers on replica A ...
    try (ChatClient one = open(); ChatClient two = open()) {
      for (ChatClient client : List.of(one, two)) {
        client.send(ChatClient.prompt("a", "main", "ai-mentor", "learner", emulator.tokens().tokenFor("learner"),
            "s-" + UUID.randomUUID()));
        assertThat(client.nextContent().containsKey("generation_id")).isTrue();
      }
      // ... so replica B refuses them a third.
      ChatUser learner = new ChatUser(null, "main", "user:3");
      assertThatThrownBy(() -> replicaB.acquire(learner).await().atMost(Duration.ofSeconds(5)))
          .isInstanceOf(ChatRejection.class).hasMessageContaining("already have 2 answers");
    } finally {
      replicaB.close();
    }
  }

  @Test
  void slotsHeldByALiveReplicaStayTakenPastTheLeaseTtlAndADeadReplicasComeFree() throws InterruptedException {
    // Replica B streams the learner's two answers: it renews their leases (TTL 2 s in the test profile).
    RedisChatLimits replicaB = new RedisChatLimits(config, redis, vertx);
    ChatUser learner = new ChatUser(null, "main", "user:3");
    replicaB.acquire(learner).await().atMost(Duration.ofSeconds(5));
    replicaB.acquire(learner).await().atMost(Duration.ofSeconds(5));
    Thread.sleep(config.answerLeaseTtl().multipliedBy(2).toMillis());
    assertThat(promptAsLearner().getString("error")).as("renewed leases still count").contains("already have 2 answers");

    // Replica B dies mid-answer: it neither releases nor renews; the slots come free by themselves.
    replicaB.close();
    Eventually.within(config.answerLeaseTtl().multipliedBy(3), () ->
        assertThat(promptAsLearner().containsKey("generation_id")).as("a slot is free again").isTrue());
    assertThat(chat.prompts()).hasSize(1);
  }

  /** Sends the learner's prompt on a new socket: the first frame that is not typing, then closes it. */
  private JsonObject promptAsLearner() {
    try (ChatClient client = open()) {
      client.send(ChatClient.prompt("hi", "main", "ai-mentor", "learner", emulator.tokens().tokenFor("learner"),
          "s-" + UUID.randomUUID()));
      return client.nextContent();
    }
  }

  @Test
  void promptsPerMinuteCountAcrossReplicas() {
    // Tenant "shared" allows 2 prompts a minute (see %test config); replica B takes both.
    MinuteWindow.awaitRoom(Duration.ofSeconds(15));
    RedisChatLimits replicaB = new RedisChatLimits(config, redis, vertx);
    replicaB.acquire(new ChatUser(null, "shared", "anonymous:b1")).await().atMost(Duration.ofSeconds(5)).release();
    replicaB.acquire(new ChatUser(null, "shared", "anonymous:b2")).await().atMost(Duration.ofSeconds(5)).release();
    replicaB.close();
    EmulatedMentors.openMentor(emulator, "shared");
    try (ChatClient client = open()) {
      client.send(ChatClient.prompt("hi", "shared", "open-mentor", "anonymous", null, "s-" + UUID.randomUUID()));
      JsonObject refused = client.next();
      assertThat(refused.getString("error")).contains("too quickly");
      assertThat(refused.getInteger("status_code")).isEqualTo(429);
    }
    assertThat(chat.prompts()).isEmpty();
  }
}
