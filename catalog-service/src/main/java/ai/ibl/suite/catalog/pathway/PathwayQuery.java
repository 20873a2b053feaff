package ai.ibl.suite.catalog.pathway;

import ai.ibl.suite.catalog.readmodel.Filters;
import java.util.Map;

/** The filters of {@code GET /api/catalog/pathways/}; the tenant is the {@code platform_key}. */
record PathwayQuery(String itemId, String name, String pathwayId, String pathwayUuid, String slug,
    Long userId, String username, Boolean visible) {

  Map<String, String> filters(String tenant) {
    return new Filters().put("item_id", itemId).put("name", name).put("pathway_id", pathwayId)
        .put("pathway_uuid", pathwayUuid).put("platform_key", tenant).put("slug", slug).put("user_id", userId)
        .put("username", username).put("visible", visible).asMap();
  }

  static PathwayQuery all() {
    return new PathwayQuery(null, null, null, null, null, null, null, null);
  }
}
