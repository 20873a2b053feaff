package ai.ibl.suite.catalog.lti;

import ai.ibl.suite.catalog.course.CourseKey;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/ibl/course/add_lti_passport}. A passport is Open edX's
 * {@code passport_id:client_key:client_secret}; the secret is sent to the CMS and nowhere else.
 */
public record LtiPassportRequest(
    @NotBlank @Size(max = CourseKey.MAX_LENGTH)
        @Pattern(regexp = CourseKey.PATTERN, message = CourseKey.FORMAT_MESSAGE) String courseKey,
    @JsonProperty("lti_passport") @NotBlank @Size(max = 1024)
        @Pattern(regexp = LtiPassportRequest.FORMAT, message = "must be passport_id:client_key:client_secret")
        String ltiPassport) {

  static final String FORMAT = "^[^:\\s]+:[^:\\s]+:[^:\\s]+$";

  public CourseKey course() {
    return CourseKey.parse(courseKey);
  }

  String secret() {
    return ltiPassport.substring(ltiPassport.lastIndexOf(':') + 1);
  }

  /** Records print every component; this one holds a secret. */
  @Override
  public String toString() {
    return "LtiPassportRequest[courseKey=" + courseKey + ", lti_passport=" + PassportMask.mask(ltiPassport) + "]";
  }
}
