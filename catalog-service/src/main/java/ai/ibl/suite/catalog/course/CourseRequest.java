package ai.ibl.suite.catalog.course;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/ibl/manage/course}, as the seed gives it; sent to the CMS as is.
 * With {@code source_course_key} the new course is a rerun of that course.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CourseRequest(
    @NotBlank @Size(max = 64) @Pattern(regexp = CourseKey.PART_PATTERN, message = CourseKey.PART_MESSAGE) String org,
    @NotBlank @Size(max = 64) @Pattern(regexp = CourseKey.PART_PATTERN, message = CourseKey.PART_MESSAGE) String number,
    @NotBlank @Size(max = 64) @Pattern(regexp = CourseKey.PART_PATTERN, message = CourseKey.PART_MESSAGE) String run,
    @JsonProperty("display_name") @NotBlank @Size(max = 255) String displayName,
    @JsonProperty("source_course_key") @Size(max = CourseKey.MAX_LENGTH)
        @Pattern(regexp = CourseKey.PATTERN, message = CourseKey.FORMAT_MESSAGE) String sourceCourseKey) {

  /** The key the CMS gives the new course. */
  public CourseKey key() {
    return CourseKey.of(org, number, run);
  }

  public boolean isRerun() {
    return sourceCourseKey != null;
  }
}
