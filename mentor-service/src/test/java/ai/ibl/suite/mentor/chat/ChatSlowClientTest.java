package ai.ibl.suite.mentor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.asgi.ChatDomain;
import ai.ibl.suite.testing.InjectEmulator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChatSlowClientTest {
  static Vertx vertx;
  static WebSocketClient sockets;

  @InjectEmulator
  PlatformEmulator emulator;

  @TestHTTPResource("/")
  URL base;

  @BeforeAll
  static void startClient() {
    vertx = Vertx.vertx();
    sockets = vertx.createWebSocketClient();
  }

  @AfterAll
  static void stopClient() {
    vertx.close();
  }

  @Test
  void aClientThatStopsReadingIsClosedAsTooSlowInsteadOfBufferingTheAnswer() throws Exception {
    emulator.reset();
    // 4,000 chunks of 8 KB: far more than the socket buffers and the relay's bounded outbound queue hold.
    String prompt = "flood [chunks=4000] [size=8192]";
    try (ChatClient client = ChatClient.open(sockets, base.getPort(), ChatSocketTest.CHAT)) {
      client.pause();
      client.send(ChatClient.prompt(prompt, "main", "ai-mentor", "learner", emulator.tokens().tokenFor("learner"),
          "s-" + UUID.randomUUID()));
      Thread.sleep(4_000);
      client.resume();
      int data = 0;
      boolean eos = false;
      JsonObject frame;
      while ((frame = client.poll(3_000)) != null) {
        data += frame.containsKey("data") ? 1 : 0;
        eos |= frame.containsKey("eos");
      }
      assertThat(client.closed.get(10, TimeUnit.SECONDS)).isEqualTo((short) Conversation.TOO_SLOW);
      assertThat(client.closeReason).contains("too slow");
      assertThat(eos).isFalse();
      assertThat(data).isLessThan(4000);
    }
    ChatDomain chat = emulator.domain(ChatDomain.class);
    assertThat(chat.prompts()).hasSize(1);
  }
}
