package ai.ibl.suite.mentor.chat;

import static ai.ibl.suite.mentor.chat.ChatSocketTest.assertCompleteAnswer;
import static ai.ibl.suite.mentor.chat.ChatSocketTest.expectedAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.asgi.ChatDomain;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A replica running alone ({@code mentor.chat.redis=false}): the limits are kept in memory. */
@QuarkusTest
@TestProfile(ChatAloneTest.Alone.class)
@UpstreamSlate
class ChatAloneTest {
  public static class Alone implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("mentor.chat.redis", "false");
    }
  }

  @InjectEmulator
  PlatformEmulator emulator;

  @TestHTTPResource("/")
  URL base;

  @Inject
  ChatLimits limits;

  ChatDomain chat;

  @BeforeEach
  void cleanSlate() {
    chat = emulator.domain(ChatDomain.class);
    Eventually.within(Duration.ofSeconds(5), () -> assertThat(chat.running()).isZero());
  }

  ChatClient open() {
    return ChatClient.open(base.getPort(), ChatSocketTest.CHAT);
  }

  JsonObject learnerPrompt(String prompt) {
    return ChatClient.prompt(prompt, "main", ChatSocketTest.MENTOR, "learner", emulator.tokens().tokenFor("learner"),
        "s-" + UUID.randomUUID());
  }

  @Test
  void promptsOfASignedInSocketAreAdmittedInMemoryAndAnsweredWholeInOrder() {
    assertThat(limits.answersAtOnce()).as("limits kept in memory").isTrue();
    try (ChatClient client = open()) {
      // The token is verified on the first prompt; the next two take the in-memory fast path.
      client.send(learnerPrompt("one")).send(learnerPrompt("two")).send(learnerPrompt("three"));
      for (int i = 0; i < 3; i++) {
        assertThat(assertCompleteAnswer(client, 5)).isEqualTo(expectedAnswer(5));
      }
    }
    assertThat(chat.prompts()).extracting(p -> p.getString("prompt")).containsExactly("one", "two", "three");
  }

  @Test
  void concurrentAnswersPerUserAreLimitedInMemoryAndFreedWhenAnswersEnd() {
    List<ChatClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        clients.add(open());
      }
      for (int i = 0; i < 2; i++) {
        clients.get(i).send(learnerPrompt("first [chunks=1]"));
        assertCompleteAnswer(clients.get(i), 1);
        // Now the socket holds a verified token: its next prompt is admitted on the fast path.
        clients.get(i).send(learnerPrompt("long [chunks=100] [delay=40]"));
        assertThat(clients.get(i).nextContent().containsKey("generation_id")).isTrue();
      }
      clients.get(2).send(learnerPrompt("a third"));
      JsonObject refused = clients.get(2).next();
      assertThat(refused.getString("error")).contains("already have 2 answers");
      assertThat(refused.getInteger("status_code")).isEqualTo(429);
      clients.get(0).answer();
      clients.get(0).send(learnerPrompt("after [chunks=1]"));
      assertThat(clients.get(0).nextContent().containsKey("generation_id")).as("a slot came free").isTrue();
      clients.get(1).answer();
      clients.get(2).send(learnerPrompt("a third again"));
      assertThat(clients.get(2).nextContent().containsKey("generation_id")).isTrue();
    } finally {
      clients.forEach(ChatClient::close);
    }
  }

  @Test
  void promptsPerMinutePerTenantAreLimitedInMemory() {
    // Tenant "tiny" allows 3 prompts a minute (see %test config).
    MinuteWindow.awaitRoom(Duration.ofSeconds(15));
    EmulatedMentors.openMentor(emulator, "tiny");
    try (ChatClient client = open()) {
      for (int i = 0; i < 3; i++) {
        client.send(ChatClient.prompt("hi " + i, "tiny", EmulatedMentors.OPEN_MENTOR, "anonymous", null,
            "s-" + UUID.randomUUID()));
        assertCompleteAnswer(client, 5);
      }
      client.send(ChatClient.prompt("one too many", "tiny", EmulatedMentors.OPEN_MENTOR, "anonymous", null,
          "s-" + UUID.randomUUID()));
      assertThat(client.next().getString("error")).contains("too quickly");
    }
    assertThat(chat.prompts()).hasSize(3);
  }
}
