package ai.ibl.suite.catalog.program;

import ai.ibl.suite.catalog.readmodel.Filters;
import java.util.Map;

/** The filters of {@code GET /api/catalog/programs/}; the tenant is the {@code org}. */
record ProgramQuery(String courseId, Boolean enabled, String name, String programId, String slug) {

  Map<String, String> filters(String org) {
    return new Filters().put("course_id", courseId).put("enabled", enabled).put("name", name).put("org", org)
        .put("program_id", programId).put("slug", slug).asMap();
  }

  static ProgramQuery all() {
    return new ProgramQuery(null, null, null, null, null);
  }
}
