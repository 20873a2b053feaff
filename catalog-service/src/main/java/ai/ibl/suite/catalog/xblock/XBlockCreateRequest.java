package ai.ibl.suite.catalog.xblock;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/ibl/xblock/create}, as the seed gives it; sent to the CMS as is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record XBlockCreateRequest(
    @JsonProperty("parent_locator") @NotBlank @Size(max = BlockLocator.MAX_LENGTH)
        @Pattern(regexp = BlockLocator.PATTERN, message = BlockLocator.FORMAT_MESSAGE) String parentLocator,
    @NotBlank @Size(max = 100) @Pattern(regexp = BlockLocator.TYPE_PATTERN, message = BlockLocator.TYPE_MESSAGE) String category,
    @JsonProperty("display_name") @Size(min = 1, max = XBlockFields.MAX_NAME) String displayName,
    @Size(max = XBlockFields.MAX_NAME)
        @Pattern(regexp = XBlockFields.BOILERPLATE_PATTERN, message = XBlockFields.BOILERPLATE_MESSAGE) String boilerplate,
    @PositiveOrZero @Max(XBlockFields.MAX_POSITION) Integer position) {

  public BlockLocator parent() {
    return BlockLocator.parse(parentLocator);
  }
}
