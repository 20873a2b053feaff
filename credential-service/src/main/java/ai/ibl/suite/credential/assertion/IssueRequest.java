package ai.ibl.suite.credential.assertion;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The seed's "Issue Credential (Single User)" body: {@code recipient, course, metadata}. */
public record IssueRequest(
    @NotNull @Valid Recipient recipient,
    @Size(min = 1, max = 255) String course,
    JsonNode metadata) {}
