package ai.ibl.suite.catalog.xblock;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/ibl/xblock/component/create}, as the seed gives it; sent to the CMS as is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComponentCreateRequest(
    @JsonProperty("parent_locator") @NotBlank @Size(max = BlockLocator.MAX_LENGTH)
        @Pattern(regexp = BlockLocator.PATTERN, message = BlockLocator.FORMAT_MESSAGE) String parentLocator,
    @JsonProperty("problem_type") @NotBlank @Size(max = 100)
        @Pattern(regexp = "^[A-Za-z0-9_-]+$", message = "must be a component or problem type such as html or multiplechoiceresponse")
        String problemType,
    JsonNode data,
    ObjectNode metadata,
    @JsonProperty("display_name") @Size(min = 1, max = XBlockFields.MAX_NAME) String displayName,
    @Size(max = XBlockFields.MAX_NAME)
        @Pattern(regexp = XBlockFields.BOILERPLATE_PATTERN, message = XBlockFields.BOILERPLATE_MESSAGE) String boilerplate,
    @PositiveOrZero @Max(XBlockFields.MAX_POSITION) Integer position) {

  public ComponentCreateRequest {
    data = data == null || data.isNull() ? null : data;
  }

  /** The unit the component goes into, once {@code data} has a shape the CMS can store. */
  public BlockLocator parent() {
    XBlockFields.requireDataShape(data);
    return BlockLocator.parse(parentLocator);
  }
}
