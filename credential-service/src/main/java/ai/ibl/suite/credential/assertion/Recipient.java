package ai.ibl.suite.credential.assertion;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Who an assertion is issued to: the seed's {@code recipient {email, identity}}; identity defaults to the email. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recipient(
    @NotBlank @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") @Size(max = 320) String email,
    @Size(min = 1, max = 255) String identity) {

  public String identityOrEmail() {
    return identity == null || identity.isBlank() ? email : identity;
  }
}
