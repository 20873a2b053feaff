package ai.ibl.suite.mentor.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps transcripts. Blocking: the chat relay calls it on a worker thread. */
@ApplicationScoped
public class TranscriptStore {

  /** Several transcripts in one transaction: the relay stores them in batches, one commit each. */
  @Transactional
  public void saveAll(java.util.List<ChatTranscript> transcripts) {
    transcripts.forEach(this::save);
  }

  @Transactional
  public void save(ChatTranscript t) {
    TranscriptRow row = new TranscriptRow();
    row.sessionId = t.sessionId();
    row.tenant = t.tenant();
    row.username = t.username();
    row.mentor = t.mentor();
    row.generationId = t.generationId();
    row.prompt = t.prompt();
    row.answer = t.answer();
    row.outcome = t.outcome();
    row.startedAt = t.startedAt();
    row.endedAt = t.endedAt();
    row.persist();
  }
}
