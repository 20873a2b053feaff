package ai.ibl.suite.catalog.metadata;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/catalog/metadata/course/}: the Manager's
 * {@code CourseMetadataUpdateRequest}. {@code update} (default true) merges into the existing
 * metadata; false replaces it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CourseMetadataRequest(
    @JsonProperty("course_id") @NotBlank @Size(max = 255) String courseId,
    @NotNull JsonNode metadata,
    Boolean update) {

  @JsonIgnore
  @AssertTrue(message = "must be a JSON object")
  public boolean isMetadataAnObject() {
    return metadata == null || metadata.isObject();
  }

  boolean merges() {
    return update == null || update;
  }
}
