package ai.ibl.suite.catalog.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/catalog/resources/}: the seed's {@code name, url, resource_type,
 * data}, plus the rest of the Manager's {@code ResourceCreateUpdate} ({@code id} to update).
 * It is sent to the Manager as it is: the tenant travels in the query.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceRequest(
    @Positive Long id,
    @JsonProperty("user_id") @Positive Long userId,
    @Size(min = 1, max = 255) String username,
    @JsonProperty("resource_type") @NotBlank @Size(max = 255) String resourceType,
    @NotBlank @Size(max = 2048) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String url,
    @NotBlank @Size(max = 255) String name,
    @Size(max = 10_000) String description,
    @Size(max = 100) List<@NotBlank @Size(max = 255) String> skills,
    @Size(max = 2048) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String image,
    JsonNode data) {}
