package ai.ibl.suite.mentor.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.asgi.ChatDomain;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.suite.testing.PostgresResource;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A real replica (the packaged jar in its own JVM) shut down with SIGTERM while it streams an
 * answer: the drain lets an answer that fits in the grace finish, cuts a longer one with 1012,
 * refuses new sockets meanwhile, and stores each answer's transcript exactly once before the
 * process exits. Replica logs: target/replicas/.
 */
class MentorShutdownIT {
  static final String MENTOR = "ai-mentor";
  static final Duration READY = Duration.ofSeconds(90);
  static final Duration GRACE = Duration.ofSeconds(3);

  static PlatformEmulator emulator;
  static PostgresResource postgres;
  static Map<String, String> db;
  static Vertx vertx;
  static WebSocketClient sockets;

  MentorReplica replica;
  ChatDomain chat;

  @BeforeAll
  static void startPlatform() {
    emulator = PlatformEmulator.start(0);
    postgres = new PostgresResource();
    postgres.init(Map.of("database", "mentor_shutdown"));
    db = postgres.start();
    vertx = Vertx.vertx();
    sockets = vertx.createWebSocketClient();
  }

  @AfterAll
  static void stopPlatform() {
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
  void startReplica(TestInfo test) {
    emulator.reset();
    chat = emulator.domain(ChatDomain.class);
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
    env.put("MENTOR_CHAT_SHUTDOWN_GRACE", GRACE.toSeconds() + "S");
    env.put("OTEL_SDK_DISABLED", "true");
    Map<String, String> properties = new HashMap<>();
    properties.put("mentor.chat.redis-prefix", "mentor-chat-shutdown-it-" + UUID.randomUUID());
    properties.put("mentor.reconcile.every", "off");
    replica = MentorReplica.start("shutdown-" + test.getTestMethod().orElseThrow().getName(), env, properties);
    replica.awaitReady(READY);
  }

  @AfterEach
  void stopReplica() {
    if (replica != null) {
      replica.close();
    }
  }

  @Test
  void anAnswerThatFitsInTheGraceFinishesThenTheSocketClosesWith1012() throws Exception {
    chat.chunks(40).chunkDelayMillis(25);
    try (ChatClient client = ChatClient.open(sockets, replica.port, ChatSocketTest.CHAT)) {
      client.send(prompt("learner", "fits in the grace"));
      assertThat(client.next()).isEqualTo(new JsonObject().put("type", "typing").put("isTyping", true));
      String generation = client.next().getString("generation_id");
      assertThat(generation).isNotBlank();
      JsonObject first = client.next();
      assertThat(first.getString("data")).isEqualTo(ChatDomain.chunkText(0));

      replica.terminate();

      StringBuilder text = new StringBuilder(first.getString("data"));
      for (int i = 1; i < 40; i++) {
        JsonObject chunk = client.next();
        assertThat(chunk.getString("generation_id")).isEqualTo(generation);
        assertThat(chunk.getString("data")).as("chunk %d", i).isEqualTo(ChatDomain.chunkText(i));
        assertThat(chunk.containsKey("eos")).isFalse();
        text.append(chunk.getString("data"));
      }
      assertThat(client.next()).isEqualTo(new JsonObject().put("generation_id", generation).put("eos", true));
      assertThat(client.closed.get(GRACE.toSeconds() + 5, TimeUnit.SECONDS)).isEqualTo((short) 1012);
      List<JsonObject> after = new ArrayList<>();
      for (JsonObject frame = client.poll(100); frame != null; frame = client.poll(100)) {
        after.add(frame);
      }
      assertThat(after).as("nothing but the typing indicator after eos")
          .allSatisfy(f -> assertThat(f).isEqualTo(new JsonObject().put("type", "typing").put("isTyping", false)));
      assertThat(text.toString()).isEqualTo(ChatSocketTest.expectedAnswer(40));

      assertThat(replica.exitsWithin(Duration.ofSeconds(15))).as("replica exits after the drain").isTrue();
      List<String[]> rows = transcripts(generation);
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0)[0]).isEqualTo(ChatSocketTest.expectedAnswer(40));
      assertThat(rows.get(0)[1]).isEqualTo("completed");
    }
  }

  @Test
  void anAnswerLongerThanTheGraceIsCutWith1012AndNewSocketsAreRefusedMeanwhile() throws Exception {
    chat.chunks(400).chunkDelayMillis(25);
    try (ChatClient client = ChatClient.open(sockets, replica.port, ChatSocketTest.CHAT)) {
      client.send(prompt("learner", "longer than the grace"));
      assertThat(client.next()).isEqualTo(new JsonObject().put("type", "typing").put("isTyping", true));
      String generation = client.next().getString("generation_id");
      assertThat(generation).isNotBlank();
      assertThat(client.next().getString("data")).isEqualTo(ChatDomain.chunkText(0));

      long terminated = System.nanoTime();
      replica.terminate();

      // Readiness DOWN means the drain has begun; the HTTP server still listens (the shutdown delay).
      Eventually.within(Duration.ofSeconds(2), () -> assertThat(readiness()).isEqualTo(503));
      assertThatThrownBy(() -> ChatClient.open(sockets, replica.port, ChatSocketTest.CHAT))
          .as("a new socket during the drain is refused");

      short code = client.closed.get(GRACE.toSeconds() + 5, TimeUnit.SECONDS);
      Duration closedAfter = Duration.ofNanos(System.nanoTime() - terminated);
      assertThat(code).isEqualTo((short) 1012);
      assertThat(closedAfter).isGreaterThanOrEqualTo(GRACE.minusMillis(500));

      StringBuilder text = new StringBuilder(ChatDomain.chunkText(0));
      int received = 1;
      for (JsonObject frame = client.poll(100); frame != null; frame = client.poll(100)) {
        if (frame.containsKey("data")) {
          assertThat(frame.getString("data")).as("chunk %d", received).isEqualTo(ChatDomain.chunkText(received));
          text.append(frame.getString("data"));
          received++;
        }
      }
      assertThat(received).as("the answer was cut, not finished").isLessThan(400);

      assertThat(replica.exitsWithin(Duration.ofSeconds(15))).as("replica exits after the drain").isTrue();
      List<String[]> rows = transcripts(generation);
      assertThat(rows).as("one transcript for the cut answer").hasSize(1);
      assertThat(rows.get(0)[1]).isEqualTo("abandoned");
      assertThat(text.toString()).startsWith(rows.get(0)[0]);
    }
  }

  static JsonObject prompt(String user, String prompt) {
    return ChatClient.prompt(prompt, "main", MENTOR, user, emulator.tokens().tokenFor(user),
        "session-" + UUID.randomUUID());
  }

  int readiness() {
    try {
      return HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2))
              .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      throw new AssertionError("readiness not answered: " + e, e);
    }
  }

  /** Answer and outcome of every stored transcript of {@code generation}. */
  static List<String[]> transcripts(String generation) throws SQLException {
    String password = db.get("quarkus.datasource.password");
    try (Connection c = DriverManager.getConnection(db.get("quarkus.datasource.jdbc.url"),
            db.get("quarkus.datasource.username"), password == null ? "" : password);
        PreparedStatement q = c.prepareStatement(
            "select answer, outcome from mentor.chat_transcript where generation_id = ? order by id")) {
      q.setString(1, generation);
      List<String[]> rows = new ArrayList<>();
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          rows.add(new String[] {r.getString(1), r.getString(2)});
        }
      }
      return rows;
    }
  }
}
