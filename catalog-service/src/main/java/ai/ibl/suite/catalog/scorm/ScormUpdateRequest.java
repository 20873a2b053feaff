package ai.ibl.suite.catalog.scorm;

import ai.ibl.suite.catalog.xblock.BlockLocator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/ibl/ibl_edx_scorm/update}, as the seed gives it (only
 * {@code file} and {@code suffix} are optional); sent to the CMS as is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScormUpdateRequest(
    @JsonProperty("usage_key_string") @NotBlank @Size(max = BlockLocator.MAX_LENGTH)
        @Pattern(regexp = BlockLocator.PATTERN, message = BlockLocator.FORMAT_MESSAGE) String usageKeyString,
    @JsonProperty("display_name") @NotBlank @Size(max = 255) String displayName,
    @NotNull @PositiveOrZero @DecimalMax("1000") Double weight,
    @JsonProperty("fullscreen_on_launch") @NotNull Boolean fullscreenOnLaunch,
    @JsonProperty("has_score") @NotNull Boolean hasScore,
    @NotBlank @Size(max = 16)
        @Pattern(regexp = "^\\d{1,5}(\\.\\d{1,3})?(px|%|em|rem|vh|vw)?$", message = "must be a CSS length such as 400px or 80%")
        String height,
    String file,
    @NotBlank @Size(max = 100)
        @Pattern(regexp = "^[A-Za-z_][A-Za-z0-9_]*$", message = "must be an XBlock handler name such as studio_submit")
        String handler,
    @Size(max = 255) @Pattern(regexp = "^[A-Za-z0-9_./-]*$", message = "may contain only letters, digits, '.', '_', '/' and '-'")
        String suffix) {

  public BlockLocator target() {
    return BlockLocator.parse(usageKeyString);
  }

  /** The package upload can be large; it has no place in logs. */
  @Override
  public String toString() {
    return "ScormUpdateRequest[usage_key_string=" + usageKeyString + ", handler=" + handler
        + ", file=" + (file == null ? "absent" : file.length() + " chars") + "]";
  }
}
