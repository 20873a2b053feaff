package ai.ibl.suite.mentor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpstreamFrameTest {

  @Test
  void chunkFramesGiveTheirGenerationAndText() {
    UpstreamFrame frame = UpstreamFrame.scan("{\"generation_id\":\"g1\",\"data\":\"Hel\\\"lo\",\"x\":{\"eos\":true}}", true);
    assertThat(frame.generationId()).isEqualTo("g1");
    assertThat(frame.data()).isEqualTo("Hel\"lo");
    assertThat(frame.eos()).as("only a top-level eos ends the answer").isFalse();
    assertThat(frame.error()).isFalse();
  }

  @Test
  void theTextIsLeftUnreadWhenTheTranscriptIsFull() {
    assertThat(UpstreamFrame.scan("{\"generation_id\":\"g1\",\"data\":\"more\"}", false).data()).isNull();
  }

  @Test
  void endOfStreamErrorsAndOutOfCreditsAreRecognised() {
    assertThat(UpstreamFrame.scan("{\"generation_id\":\"g1\",\"eos\":true}", true).eos()).isTrue();
    UpstreamFrame credits = UpstreamFrame.scan("{\"error\":\"out of credits\",\"status_code\":402}", true);
    assertThat(credits.error()).isTrue();
    assertThat(credits.paymentRequired()).isTrue();
    assertThat(UpstreamFrame.scan("{\"error\":\"boom\",\"status_code\":500}", true).paymentRequired()).isFalse();
  }

  @Test
  void onlyTypingOffEndsTheMentorsTurn() {
    assertThat(UpstreamFrame.scan("{\"type\":\"typing\",\"isTyping\":false}", false).typingEnded()).isTrue();
    assertThat(UpstreamFrame.scan("{\"isTyping\":false,\"type\":\"typing\"}", false).typingEnded()).isTrue();
    assertThat(UpstreamFrame.scan("{\"type\":\"typing\",\"isTyping\":true}", false).typingEnded()).isFalse();
    assertThat(UpstreamFrame.scan("{\"type\":\"file_processing_success\",\"isTyping\":false}", false).typingEnded())
        .isFalse();
  }

  @Test
  void framesThatAreNotJsonObjectsArePassedOnButOtherwiseIgnored() {
    assertThat(UpstreamFrame.scan("not json", true)).isEqualTo(UpstreamFrame.OPAQUE);
    assertThat(UpstreamFrame.scan("[1,2]", true)).isEqualTo(UpstreamFrame.OPAQUE);
    assertThat(UpstreamFrame.scan("{\"eos\":true} trailing", true)).isEqualTo(UpstreamFrame.OPAQUE);
  }
}
