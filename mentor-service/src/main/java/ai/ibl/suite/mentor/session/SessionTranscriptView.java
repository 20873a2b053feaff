package ai.ibl.suite.mentor.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** A chat session's transcript as the sessions API answers it. */
public record SessionTranscriptView(
    @JsonProperty("session_id") String sessionId,
    String tenant,
    List<Message> messages) {

  public record Message(
      @JsonProperty("generation_id") String generationId,
      String mentor,
      String username,
      String prompt,
      String answer,
      String outcome,
      @JsonProperty("started_at") Instant startedAt,
      @JsonProperty("ended_at") Instant endedAt) {}
}
