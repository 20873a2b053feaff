package ai.ibl.suite.mentor.session;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps transcripts. Blocking: the chat relay calls it on a worker thread.
 *
 * <p>Plain JDBC, one batched insert per call: the rows' identity keys keep Hibernate from batching,
 * and a row-by-row insert of a few hundred transcripts took enough CPU to show in the next
 * prompts' time to first chunk (see mentor-service/BENCHMARK.md).
 */
@ApplicationScoped
public class TranscriptStore {
  private final AgroalDataSource dataSource;
  private final String insert;

  TranscriptStore(AgroalDataSource dataSource,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    this.dataSource = dataSource;
    this.insert = "insert into " + schema + ".chat_transcript (session_id, tenant, username, mentor, generation_id,"
        + " prompt, answer, outcome, started_at, ended_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  }

  /** Stores every transcript in one transaction, or none of them. */
  public void saveAll(List<ChatTranscript> transcripts) throws SQLException {
    if (transcripts.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement(insert)) {
        for (ChatTranscript t : transcripts) {
          statement.setString(1, t.sessionId());
          statement.setString(2, t.tenant());
          statement.setString(3, t.username());
          statement.setString(4, t.mentor());
          statement.setString(5, t.generationId());
          statement.setString(6, t.prompt());
          statement.setString(7, t.answer());
          statement.setString(8, t.outcome());
          statement.setObject(9, utc(t.startedAt()));
          statement.setObject(10, utc(t.endedAt()));
          statement.addBatch();
        }
        statement.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
