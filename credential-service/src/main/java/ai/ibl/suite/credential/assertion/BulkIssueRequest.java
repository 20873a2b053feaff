package ai.ibl.suite.credential.assertion;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A bulk issue: {@code recipients} (each as in the single issue), and the {@code course} and
 * {@code metadata} they share. Recipients are checked one by one, so one bad recipient is reported
 * as such without refusing the batch.
 */
public record BulkIssueRequest(
    @NotNull @Size(min = 1) List<JsonNode> recipients,
    @Size(min = 1, max = 255) String course,
    JsonNode metadata) {}
