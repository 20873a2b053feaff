package ai.ibl.suite.mentor.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.asgi.ChatDomain;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.suite.testing.PostgresResource;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two real replicas of mentor-service (the packaged jar, two JVMs) against one PostgreSQL
 * database, one Redis and one platform: what one replica starts, the other continues, stops and
 * counts. Replica logs: target/replicas/.
 */
class MentorReplicasIT {
  static final String MENTOR = "ai-mentor";
  static final Duration READY = Duration.ofSeconds(90);

  static PlatformEmulator emulator;
  static PostgresResource postgres;
  static MentorReplica a;
  static MentorReplica b;
  static Vertx vertx;
  static WebSocketClient sockets;

  ChatDomain chat;

  @BeforeAll
  static void startReplicas() {
    emulator = PlatformEmulator.start(0);
    postgres = new PostgresResource();
    postgres.init(Map.of("database", "mentor_replicas"));
    Map<String, String> db = postgres.start();
    String password = db.get("quarkus.datasource.password");
    Map<String, String> env = new HashMap<>();
    env.put("MENTOR_DB_URL", db.get("quarkus.datasource.jdbc.url"));
    env.put("MENTOR_DB_USER", db.get("quarkus.datasource.username"));
    // An empty value reads as unset in the prod profile; a trust-auth server ignores the password anyway.
    env.put("MENTOR_DB_PASSWORD", password == null || password.isEmpty() ? "unused" : password);
    env.put("OIDC_ISSUER", emulator.oidcIssuer());
    env.put("MANAGER_URL", emulator.url(Upstream.MANAGER));
    env.put("MANAGER_API_TOKEN", PlatformEmulator.DEFAULT_MANAGER_TOKEN);
    env.put("ASGI_BASE_URL", emulator.url(Upstream.ASGI));
    env.put("MENTOR_CHAT_REDIS", "true");
    env.put("REDIS_URL", System.getenv().getOrDefault("SUITE_TEST_REDIS_URL", "redis://localhost:6379"));
    env.put("MENTOR_CHAT_MAX_ANSWERS_PER_USER", "2");
    env.put("MENTOR_CHAT_SHUTDOWN_GRACE", "2S");
    env.put("OTEL_SDK_DISABLED", "true");
    Map<String, String> shared = new HashMap<>();
    // This run's own keys and channels, apart from other runs on the same Redis.
    shared.put("mentor.chat.redis-prefix", "mentor-chat-it-" + UUID.randomUUID());
    shared.put("mentor.reconcile.every", "off");
    shared.put("mentor.chat.stop-timeout", "3S");
    // Both start at once; only A migrates, so the two never race to create the schema.
    Map<String, String> onlyServing = new HashMap<>(shared);
    onlyServing.put("quarkus.flyway.migrate-at-start", "false");
    a = MentorReplica.start("a", env, shared);
    b = MentorReplica.start("b", env, onlyServing);
    a.awaitReady(READY);
    b.awaitReady(READY);
    vertx = Vertx.vertx();
    sockets = vertx.createWebSocketClient();
  }

  @AfterAll
  static void stopReplicas() {
    for (AutoCloseable closing : new AutoCloseable[] {a, b}) {
      try {
        if (closing != null) {
          closing.close();
        }
      } catch (Exception e) {
        // Closing the rest anyway.
      }
    }
    if (vertx != null) {
      vertx.close();
    }
    if (emulator != null) {
      emulator.close();
    }
    if (postgres != null) {
      postgres.stop();
    }
  }

  @BeforeEach
  void cleanSlate() {
    emulator.reset();
    chat = emulator.domain(ChatDomain.class);
    Eventually.within(Duration.ofSeconds(10), () -> assertThat(chat.running()).isZero());
  }

  ChatClient open(MentorReplica replica, String path) {
    return ChatClient.open(sockets, replica.port, path);
  }

  static String token(String user) {
    return emulator.tokens().tokenFor(user);
  }

  static JsonObject prompt(String user, String prompt, String session) {
    return ChatClient.prompt(prompt, "main", MENTOR, user, token(user), session);
  }

  static String sessionPath(String session) {
    return "/api/ai-mentor/orgs/main/sessions/" + session + "/";
  }

  @Test
  void aSessionContinuedOnTheOtherReplicaKeepsItsHistory() {
    chat.chunks(6);
    String session = "session-" + UUID.randomUUID();
    try (ChatClient onA = open(a, ChatSocketTest.CHAT)) {
      onA.send(prompt("learner", "first", session));
      assertThat(ChatSocketTest.assertCompleteAnswer(onA, 6)).isEqualTo(ChatSocketTest.expectedAnswer(6));
    }
    try (ChatClient onB = open(b, ChatSocketTest.CHAT)) {
      onB.send(prompt("learner", "second", session));
      assertThat(ChatSocketTest.assertCompleteAnswer(onB, 6)).isEqualTo(ChatSocketTest.expectedAnswer(6));
    }
    assertThat(chat.prompts()).extracting(p -> p.getString("session_id")).containsExactly(session, session);
    for (MentorReplica replica : List.of(a, b)) {
      Eventually.within(Duration.ofSeconds(10), () ->
          given().baseUri(replica.baseUrl()).auth().oauth2(token("learner")).get(sessionPath(session))
              .then().statusCode(200).body("messages", hasSize(2)));
      given().baseUri(replica.baseUrl()).auth().oauth2(token("learner")).get(sessionPath(session))
          .then().statusCode(200)
          .body("session_id", equalTo(session))
          .body("messages[0].prompt", equalTo("first"))
          .body("messages[0].answer", equalTo(ChatSocketTest.expectedAnswer(6)))
          .body("messages[0].outcome", equalTo("completed"))
          .body("messages[1].prompt", equalTo("second"))
          .body("messages[1].answer", equalTo(ChatSocketTest.expectedAnswer(6)))
          .body("messages[1].outcome", equalTo("completed"));
    }
  }

  @Test
  void aStopSentToTheOtherReplicaStopsTheAnswer() {
    chat.chunks(500).chunkDelayMillis(10);
    String session = "session-" + UUID.randomUUID();
    try (ChatClient onA = open(a, ChatSocketTest.CHAT)) {
      onA.send(prompt("learner", "long one", session));
      assertThat(onA.next().getString("type")).isEqualTo("typing");
      String generation = onA.next().getString("generation_id");
      assertThat(onA.next().getString("data")).isEqualTo(ChatDomain.chunkText(0));
      try (ChatClient stopOnB = open(b, ChatSocketTest.STOP)) {
        stopOnB.send(new JsonObject().put("generation_id", generation).put("name", MENTOR).put("tenant", "main")
            .put("username", "learner").put("token", token("learner")));
        assertThat(stopOnB.next()).isEqualTo(new JsonObject().put("detail", "Stopped"));
      }
      List<JsonObject> rest = onA.answer();
      assertThat(rest.get(rest.size() - 1)).isEqualTo(new JsonObject().put("generation_id", generation).put("eos", true));
      assertThat(rest).filteredOn(f -> f.containsKey("data")).hasSizeLessThan(499);
      assertThat(onA.next()).isEqualTo(new JsonObject().put("type", "typing").put("isTyping", false));
    }
    assertThat(chat.stops()).hasSize(1);
    Eventually.within(Duration.ofSeconds(10), () ->
        given().baseUri(b.baseUrl()).auth().oauth2(token("learner")).get(sessionPath(session))
            .then().statusCode(200).body("messages[0].outcome", equalTo("stopped")));
  }

  @Test
  void thePerUserLimitOfConcurrentAnswersHoldsAcrossBothReplicas() {
    // A user of its own, so answers of the other tests still being released cannot count here.
    String user = "tenant-admin";
    chat.chunks(60).chunkDelayMillis(50);
    try (ChatClient one = open(a, ChatSocketTest.CHAT); ChatClient two = open(a, ChatSocketTest.CHAT);
        ChatClient third = open(b, ChatSocketTest.CHAT)) {
      for (ChatClient client : List.of(one, two)) {
        client.send(prompt(user, "on A", "session-" + UUID.randomUUID()));
        assertThat(client.nextContent().containsKey("generation_id")).isTrue();
      }
      third.send(prompt(user, "on B", "session-" + UUID.randomUUID()));
      JsonObject refused = third.next();
      assertThat(refused.getString("error")).contains("already have 2 answers");
      assertThat(refused.getInteger("status_code")).isEqualTo(429);
      assertThat(chat.prompts()).extracting(p -> p.getString("prompt")).containsExactly("on A", "on A");
      // Once one answer on A ends, B admits the user again.
      one.answer();
      Eventually.within(Duration.ofSeconds(10), () -> {
        third.send(prompt(user, "on B again", "session-" + UUID.randomUUID()));
        assertThat(third.nextContent().containsKey("generation_id")).isTrue();
      });
      third.answer();
      two.answer();
    }
  }
}
