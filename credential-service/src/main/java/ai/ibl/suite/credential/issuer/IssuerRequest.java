package ai.ibl.suite.credential.issuer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.URL;

/**
 * The body of {@code POST .../issuers/} as the platform documents it: {@code name, iconImage,
 * email, url, allowed_template_tags}; {@code name} is required on POST. On PUT every field is
 * optional and replaces only itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuerRequest(
    @Size(min = 1, max = 1000) String name,
    @URL @Size(max = 2000) String iconImage,
    @Email @Size(max = 320) String email,
    @URL @Size(max = 2000) String url,
    @JsonProperty("allowed_template_tags") @Size(max = 100) List<@NotBlank @Size(max = 255) String> allowedTemplateTags) {
}
