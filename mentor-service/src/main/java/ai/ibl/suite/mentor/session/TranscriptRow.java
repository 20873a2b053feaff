package ai.ibl.suite.mentor.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A stored exchange of a chat session (table {@code chat_transcript}). */
@Entity
@Table(name = "chat_transcript")
public class TranscriptRow extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "session_id")
  public String sessionId;

  public String tenant;
  public String username;
  public String mentor;

  @Column(name = "generation_id")
  public String generationId;

  public String prompt;
  public String answer;
  public String outcome;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "ended_at")
  public Instant endedAt;

  static List<TranscriptRow> ofSession(String tenant, String sessionId) {
    return list("tenant = ?1 and sessionId = ?2 order by startedAt, id", tenant, sessionId);
  }
}
