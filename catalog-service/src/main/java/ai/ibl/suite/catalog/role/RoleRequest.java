package ai.ibl.suite.catalog.role;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/catalog/roles/}: the seed's {@code name, slug, data}, plus the Manager's optional {@code id, platform_key}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoleRequest(
    @Positive Long id,
    @NotBlank @Size(max = 255) String name,
    @Size(min = 1, max = 255) @Pattern(regexp = "^[-a-zA-Z0-9_]+$", message = "must contain only letters, digits, '-' and '_'") String slug,
    @JsonProperty("platform_key") @Size(min = 1, max = 255) String platformKey,
    JsonNode data) {

  /** What the Manager is sent: the same fields, with the tenant the caller acts in. */
  RoleRequest inTenant(String tenant) {
    return new RoleRequest(id, name, slug, tenant, data);
  }
}
