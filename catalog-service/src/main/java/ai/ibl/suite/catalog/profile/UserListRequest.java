package ai.ibl.suite.catalog.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What desired and reported lists share: the seed's {@code user_id, username, <list>, data},
 * plus an optional {@code platform_key} naming the tenant the names belong to.
 */
interface UserListRequest {
  Long userId();

  String username();

  List<String> names();

  JsonNode data();

  String platformKey();

  /**
   * The Manager's {@code *CreateUpdateRequest}: its items must be objects, so each name the seed's
   * callers send becomes {@code {name, platform_key}} within the caller's tenant.
   */
  default Map<String, Object> upstreamBody(String field, String tenant) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (userId() != null) {
      body.put("user_id", userId());
    }
    if (username() != null) {
      body.put("username", username());
    }
    body.put(field, names().stream().map(n -> Map.of("name", n, "platform_key", tenant)).toList());
    if (data() != null) {
      body.put("data", data());
    }
    return body;
  }

  /** {@code POST /api/catalog/roles/desired/} and {@code .../reported/}: {@code roles} are role names. */
  record Roles(
      @JsonProperty("user_id") @Positive Long userId,
      @Size(min = 1, max = 255) String username,
      @NotNull @Size(max = 100) List<@NotBlank @Size(max = 255) String> roles,
      JsonNode data,
      @JsonProperty("platform_key") @Size(min = 1, max = 255) String platformKey) implements UserListRequest {
    @Override
    public List<String> names() {
      return roles;
    }

    @JsonIgnore
    @AssertTrue(message = "give user_id or username")
    public boolean isIdentified() {
      return userId != null || username != null;
    }
  }

  /** {@code POST /api/catalog/skills/desired/} and {@code .../reported/}: {@code skills} are skill names. */
  record Skills(
      @JsonProperty("user_id") @Positive Long userId,
      @Size(min = 1, max = 255) String username,
      @NotNull @Size(max = 100) List<@NotBlank @Size(max = 255) String> skills,
      JsonNode data,
      @JsonProperty("platform_key") @Size(min = 1, max = 255) String platformKey) implements UserListRequest {
    @Override
    public List<String> names() {
      return skills;
    }

    @JsonIgnore
    @AssertTrue(message = "give user_id or username")
    public boolean isIdentified() {
      return userId != null || username != null;
    }
  }
}
