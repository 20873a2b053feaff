package ai.ibl.suite.credential.assertion;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a bulk issue did, recipient by recipient. {@code status} says where each recipient stands
 * after the batch ({@code issued}: holds the credential; {@code invalid}: the entry is malformed;
 * {@code rejected}: the platform refused it; {@code failed}: the platform could not be reached, retry);
 * {@code created} says whether this run issued the assertion, so a repeated batch reports the
 * same statuses with nothing created.
 */
public record BulkIssueAnswer(String credential, Summary summary, List<Outcome> results) {

  public record Summary(int requested, int issued, int created, int invalid, int rejected, int failed) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Outcome(int index, String email, String identity, String status, String assertion,
      boolean created, String detail) {}

  static BulkIssueAnswer of(String credential, List<Outcome> results) {
    int issued = 0;
    int created = 0;
    int invalid = 0;
    int rejected = 0;
    int failed = 0;
    for (Outcome o : results) {
      switch (o.status()) {
        case "issued" -> issued++;
        case "invalid" -> invalid++;
        case "rejected" -> rejected++;
        default -> failed++;
      }
      if (o.created()) {
        created++;
      }
    }
    return new BulkIssueAnswer(credential,
        new Summary(results.size(), issued, created, invalid, rejected, failed), List.copyOf(results));
  }
}
