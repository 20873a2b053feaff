package ai.ibl.suite.catalog.resource;

import ai.ibl.suite.catalog.readmodel.Filters;
import java.util.Map;

/**
 * Every filter of {@code GET /api/catalog/resources/}. The tenant is named by {@code platform_key}
 * or {@code key}; {@code org} and {@code platform_org} name the tenant's organisation, which in
 * this suite is the tenant itself.
 */
record ResourceQuery(Long id, String itemId, String key, String name, String org, String platformKey,
    String platformOrg, String resourceType, Long userId, String username) {

  Map<String, String> filters() {
    return new Filters().put("id", id).put("item_id", itemId).put("key", key).put("name", name).put("org", org)
        .put("platform_key", platformKey).put("platform_org", platformOrg).put("resource_type", resourceType)
        .put("user_id", userId).put("username", username).asMap();
  }

  /** The tenant the query names first, or null for the caller's own. */
  String namedTenant() {
    for (String t : new String[] {platformKey, key, org, platformOrg}) {
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  /** The query in {@code tenant}, spelled as the Manager's {@code platform_key} when the caller named none. */
  ResourceQuery inTenant(String tenant) {
    return namedTenant() != null ? this
        : new ResourceQuery(id, itemId, key, name, org, tenant, platformOrg, resourceType, userId, username);
  }

  /** True when the tenant names disagree, so nothing can match. */
  boolean contradicts(String tenant) {
    for (String t : new String[] {platformKey, key, org, platformOrg}) {
      if (t != null && !t.equals(tenant)) {
        return true;
      }
    }
    return false;
  }

  static ResourceQuery all(String tenant) {
    return new ResourceQuery(null, null, null, null, null, tenant, null, null, null, null);
  }
}
