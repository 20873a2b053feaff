package ai.ibl.suite.catalog.skill;

import ai.ibl.suite.catalog.readmodel.Filters;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The body of {@code POST /api/catalog/skills/}: the seed's {@code name, slug, data}, plus the
 * Manager's optional {@code id, platform_key}. The Manager's description takes a skill in the
 * query, with a {@code PaginatedSkill} body that has no room for {@code data}: it is accepted and
 * validated, but cannot be passed on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SkillRequest(
    @Positive Long id,
    @NotBlank @Size(max = 255) String name,
    @Size(min = 1, max = 255) @Pattern(regexp = "^[-a-zA-Z0-9_]+$", message = "must contain only letters, digits, '-' and '_'") String slug,
    @JsonProperty("platform_key") @Size(min = 1, max = 255) String platformKey,
    JsonNode data) {

  /** The query the Manager takes the skill from, in the tenant the caller acts in. */
  Map<String, String> query(String tenant) {
    return new Filters().put("id", id).put("name", name).put("slug", slug).put("platform_key", tenant).asMap();
  }

  /** The body the description requires: an empty {@code PaginatedSkill} (its links are required strings). */
  static Map<String, String> body() {
    return Map.of("next_page", "", "previous_page", "");
  }
}
