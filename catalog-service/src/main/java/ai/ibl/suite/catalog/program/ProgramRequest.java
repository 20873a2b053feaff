package ai.ibl.suite.catalog.program;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/catalog/programs/}: the seed's {@code org, program_id, name, slug},
 * plus the rest of the Manager's {@code ProgramCreateUpdateRequest}. Its required
 * {@code course_list} defaults to none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgramRequest(
    @Size(min = 1, max = 255) String org,
    @JsonProperty("program_id") @NotBlank @Size(max = 255) String programId,
    @JsonProperty("program_key") @Size(min = 1, max = 255) String programKey,
    @NotBlank @Size(max = 100) String name,
    @Size(min = 1, max = 255) @Pattern(regexp = "^[-a-zA-Z0-9_]+$", message = "must contain only letters, digits, '-' and '_'") String slug,
    @JsonProperty("platform_key") @Size(min = 1, max = 255) String platformKey,
    Boolean enabled,
    @JsonProperty("course_list") @Size(max = 500) List<@Valid Course> courseList,
    @JsonProperty("program_type") @Pattern(regexp = "^(bachelors|masters|phd|diploma|certificate|ungraded|other)$",
        message = "must be one of bachelors, masters, phd, diploma, certificate, ungraded, other") String programType,
    JsonNode data) {

  /** One course of the program, with its optional position. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Course(
      @JsonProperty("course_id") @NotBlank @Size(max = 255) String courseId,
      @PositiveOrZero Integer position) {}

  /** What the Manager is sent: the program in the caller's tenant (its org), with the required course list. */
  ProgramRequest inTenant(String tenant) {
    return new ProgramRequest(tenant, programId, programKey, name, slug, platformKey, enabled,
        courseList == null ? List.of() : courseList, programType, data);
  }
}
