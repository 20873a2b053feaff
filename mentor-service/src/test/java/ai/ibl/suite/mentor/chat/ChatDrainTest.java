package ai.ibl.suite.mentor.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.asgi.ChatDomain;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a replica does on shutdown, played by draining the running service (then reopening it). */
@QuarkusTest
@UpstreamSlate
class ChatDrainTest {
  @InjectEmulator
  PlatformEmulator emulator;

  @TestHTTPResource("/")
  URL base;

  @Inject
  ChatDrain drain;

  ChatDomain chat;

  @BeforeEach
  void cleanSlate() {
    chat = emulator.domain(ChatDomain.class);
  }

  @AfterEach
  void reopen() {
    drain.reopen();
  }

  ChatClient open() {
    return ChatClient.open(base.getPort(), ChatSocketTest.CHAT);
  }

  JsonObject prompt() {
    return ChatClient.prompt("long", "main", "ai-mentor", "learner", emulator.tokens().tokenFor("learner"),
        "s-" + UUID.randomUUID());
  }

  @Test
  void shutdownFinishesRunningAnswersThenClosesWith1012() throws Exception {
    chat.chunks(30).chunkDelayMillis(50);
    try (ChatClient streaming = open(); ChatClient idle = open()) {
      streaming.send(prompt());
      assertThat(streaming.nextContent().containsKey("generation_id")).isTrue();
      CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> drain.drain(Duration.ofSeconds(10)));

      Eventually.within(Duration.ofSeconds(3), () -> given().get("/q/health/ready").then().statusCode(503)
          .body("checks.findAll { it.name == 'mentor-chat' }.status", hasItem("DOWN")));
      assertThatThrownBy(this::open).as("new sockets are refused while draining");

      List<JsonObject> rest = streaming.answer();
      assertThat(rest.get(rest.size() - 1).getBoolean("eos")).isTrue();
      assertThat(rest).filteredOn(f -> f.containsKey("data")).hasSize(30);
      drained.get(10, TimeUnit.SECONDS);
      assertThat(streaming.closed.get(5, TimeUnit.SECONDS)).isEqualTo((short) 1012);
      assertThat(idle.closed.get(5, TimeUnit.SECONDS)).isEqualTo((short) 1012);
    }
  }

  @Test
  void answersStillRunningAfterTheGraceAreCutWith1012() throws Exception {
    chat.chunks(1000).chunkDelayMillis(20);
    try (ChatClient streaming = open()) {
      streaming.send(prompt());
      assertThat(streaming.nextContent().containsKey("generation_id")).isTrue();
      drain.drain(Duration.ofMillis(300));
      assertThat(streaming.closed.get(5, TimeUnit.SECONDS)).isEqualTo((short) 1012);
    }
    drain.reopen();
    try (ChatClient again = open()) {
      chat.chunks(3).chunkDelayMillis(0);
      again.send(prompt());
      List<JsonObject> answer = again.answer();
      assertThat(answer.get(answer.size() - 1).getBoolean("eos")).isTrue();
    }
  }
}
