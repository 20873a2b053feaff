package ai.ibl.suite.catalog.pathway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/catalog/pathways/}: the seed's {@code username, user_id,
 * pathway_id, name, path, data}, plus the rest of the Manager's {@code PathwayCreateUpdateRequest}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PathwayRequest(
    @JsonProperty("pathway_id") @Size(min = 1, max = 255) String pathwayId,
    @JsonProperty("pathway_uuid") @Pattern(regexp = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", message = "must be a UUID") String pathwayUuid,
    @JsonProperty("user_id") @NotNull @Positive Long userId,
    @Size(min = 1, max = 255) String username,
    @NotBlank @Size(max = 255) String name,
    @Size(min = 1, max = 255) @Pattern(regexp = "^[-a-zA-Z0-9_]+$", message = "must contain only letters, digits, '-' and '_'") String slug,
    Boolean visible,
    @JsonProperty("platform_key") @Size(min = 1, max = 255) String platformKey,
    @NotNull @Size(max = 500) List<@Valid @NotNull Item> path,
    JsonNode data) {

  /** One step of the pathway: an item and its optional position. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Item(
      @JsonProperty("item_id") @NotBlank @Size(max = 255) String itemId,
      @PositiveOrZero Integer position) {}

  PathwayRequest inTenant(String tenant) {
    return new PathwayRequest(pathwayId, pathwayUuid, userId, username, name, slug, visible, tenant, path, data);
  }
}
