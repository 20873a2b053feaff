package ai.ibl.suite.credential.credential;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.URL;

/**
 * A credential definition as the seed's "Create Credential" sends it. On POST {@code issuer} and
 * {@code name} are required; on PUT every field is optional and replaces only itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialRequest(
    @Size(min = 1, max = 255) String issuer,
    @Size(min = 1, max = 1000) String name,
    @Size(max = 10_000) String description,
    @URL @Size(max = 2000) String iconImage,
    @URL @Size(max = 2000) String thumbnailImage,
    @URL @Size(max = 2000) String backgroundImage,
    @Size(min = 1, max = 100) String credentialType,
    @Size(max = 100) List<@NotNull @Size(min = 1, max = 255) String> tags,
    @Size(max = 10_000) String criteriaNarrative,
    @URL @Size(max = 2000) String criteriaUrl,
    @JsonProperty("public") Boolean isPublic,
    JsonNode metadata,
    @Valid Expiry expires,
    @Size(max = 500) List<@NotNull @Size(min = 1, max = 255) String> courses,
    @Size(max = 500) List<@NotNull @Size(min = 1, max = 255) String> programs,
    @JsonProperty("html_template") @Size(max = 100_000) String htmlTemplate,
    @JsonProperty("css_template") @Size(max = 100_000) String cssTemplate) {

  /** How long an assertion of this credential is valid after it is issued. */
  public record Expiry(
      @NotNull @Pattern(regexp = "days|weeks|months|years", message = "must be one of days, weeks, months, years") String duration,
      @NotNull @Positive @Max(1000) Integer amount) {}
}
