package ai.ibl.suite.catalog.skill;

import ai.ibl.suite.catalog.readmodel.Filters;
import java.util.Map;

/** The filters and page of {@code GET /api/catalog/skills/}, as the Manager takes them. */
record SkillQuery(Long id, String name, String nameIexact, String slug, int page, int pageSize, String sort) {

  Map<String, String> filters(String tenant) {
    return new Filters().put("id", id).put("name", name).put("name__iexact", nameIexact).put("slug", slug)
        .put("platform_key", tenant).put("page", page).put("page_size", pageSize).put("sort", sort).asMap();
  }

  /** True when no other filter narrows the tenant's skills: the answer is all of them. */
  boolean coversTenant() {
    return id == null && name == null && nameIexact == null && slug == null;
  }
}
