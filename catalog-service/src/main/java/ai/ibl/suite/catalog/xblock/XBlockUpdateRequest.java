package ai.ibl.suite.catalog.xblock;

import ai.ibl.suite.catalog.course.CourseKey;
import ai.ibl.suite.common.error.ProblemException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/ibl/xblock/update}, as the seed gives it; sent to the CMS as is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record XBlockUpdateRequest(
    @NotBlank @Size(max = BlockLocator.MAX_LENGTH)
        @Pattern(regexp = BlockLocator.PATTERN, message = BlockLocator.FORMAT_MESSAGE) String locator,
    @NotBlank @Size(max = CourseKey.MAX_LENGTH)
        @Pattern(regexp = CourseKey.PATTERN, message = CourseKey.FORMAT_MESSAGE) String courseKey,
    @NotBlank @Size(max = 100) @Pattern(regexp = BlockLocator.TYPE_PATTERN, message = BlockLocator.TYPE_MESSAGE) String category,
    ObjectNode metadata,
    @JsonProperty("display_name") @Size(min = 1, max = XBlockFields.MAX_NAME) String displayName,
    JsonNode data) {

  public XBlockUpdateRequest {
    data = data == null || data.isNull() ? null : data;
  }

  /**
   * The block to update, once the fields agree with each other: the locator must be a block of
   * {@code courseKey}, and {@code category} its type (the CMS cannot turn one kind of block into another).
   */
  public BlockLocator target() {
    XBlockFields.requireDataShape(data);
    BlockLocator target = BlockLocator.parse(locator);
    if (!target.course().toString().equals(courseKey)) {
      throw ProblemException.invalid("locator", "must be a block of course " + courseKey);
    }
    if (!target.type().equals(category)) {
      throw ProblemException.invalid("category", "must be the locator's block type (" + target.type() + ")");
    }
    return target;
  }
}
