package ai.ibl.suite.catalog.role;

/** The filters of {@code GET /api/catalog/roles/}. */
public record RoleQuery(Long id, String name, String slug) {}
