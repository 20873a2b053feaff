package ai.ibl.suite.mentor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.asgi.ChatDomain;
import ai.ibl.suite.testing.InjectEmulator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChatSlowClientTest {
  @InjectEmulator
  PlatformEmulator emulator;

  @TestHTTPResource("/")
  URL base;

  @Test
  void aClientThatStopsReadingIsClosedAsTooSlowInsteadOfBufferingTheAnswer() throws Exception {
    emulator.reset();
    // 4,000 chunks of 8 KB: far more than socket buffers and the relay's bounded outbound queue hold.
    String prompt = ChatClient.prompt("flood [chunks=4000] [size=8192]", "main", "ai-mentor", "learner",
        emulator.tokens().tokenFor("learner"), "s-" + UUID.randomUUID()).encode();
    try (RawSocketClient client = new RawSocketClient(base.getPort(), ChatSocketTest.CHAT)) {
      client.sendText(prompt);
      // The client reads nothing for longer than mentor.chat.slow-client-timeout (1 s in tests).
      Thread.sleep(5_000);
      int data = 0;
      boolean eos = false;
      RawSocketClient.Frame frame;
      while ((frame = client.read()).opcode() != 8) {
        data += frame.text().contains("\"data\"") ? 1 : 0;
        eos |= frame.text().contains("\"eos\"");
      }
      assertThat(eos).as("the answer was cut, not delivered whole").isFalse();
      assertThat(data).isLessThan(4000);
      assertThat(frame.closeCode()).isEqualTo(Conversation.TOO_SLOW);
      assertThat(new String(frame.payload(), 2, frame.payload().length - 2, java.nio.charset.StandardCharsets.UTF_8))
          .contains("too slow");
    }
    assertThat(emulator.domain(ChatDomain.class).prompts()).hasSize(1);
  }
}
