package ai.ibl.suite.catalog.xblock;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/ibl/xblock/publish}. */
public record XBlockPublishRequest(
    @NotBlank @Size(max = BlockLocator.MAX_LENGTH)
        @Pattern(regexp = BlockLocator.PATTERN, message = BlockLocator.FORMAT_MESSAGE) String locator) {

  public BlockLocator target() {
    return BlockLocator.parse(locator);
  }
}
