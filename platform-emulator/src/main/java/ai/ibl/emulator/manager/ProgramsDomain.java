package ai.ibl.emulator.manager;

import ai.ibl.emulator.core.EmulatedDomain;
import ai.ibl.emulator.core.EmulatorContext;
import ai.ibl.emulator.core.JsonBodies;
import ai.ibl.emulator.core.Replies;
import ai.ibl.emulator.core.Table;
import ai.ibl.emulator.core.Upstream;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Manager's {@code /api/catalog/programs/}: create-or-update by {@code (org, program_id)},
 * search, and delete by {@code org} and {@code program_id}. Answers the {@code Program} schema,
 * which has no place for the catalog keys: they travel in its free-form {@code metadata}
 * ({@code program_id, org, slug, enabled, course_list}), so searches can be matched on them.
 */
public final class ProgramsDomain implements EmulatedDomain {
  private static final Set<String> PROGRAM_TYPES =
      Set.of("bachelors", "masters", "phd", "diploma", "certificate", "ungraded", "other");

  private final Table programs = new Table();
  private final Map<String, JsonObject> institutions = new ConcurrentHashMap<>();

  @Override
  public Upstream upstream() {
    return Upstream.MANAGER;
  }

  @Override
  public void mount(Router router, EmulatorContext context) {
    router.post("/api/catalog/programs/").handler(this::save);
    router.get("/api/catalog/programs/").handler(this::list);
    router.delete("/api/catalog/programs/").handler(this::delete);
  }

  @Override
  public void reset() {
    programs.clear();
    institutions.clear();
  }

  private void save(RoutingContext rc) {
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    String name = body.getValue("name") instanceof String s && !s.isBlank() && s.length() <= 100 ? s : null;
    String programId = body.getValue("program_id") instanceof String s && !s.isBlank() ? s : null;
    String type = body.getValue("program_type") instanceof String s ? s : "other";
    if (name == null || programId == null || !(body.getValue("course_list") instanceof JsonArray courses)
        || !PROGRAM_TYPES.contains(type) || !courses.stream().allMatch(c -> c instanceof JsonObject o && o.getValue("course_id") instanceof String)) {
      // The description documents this 400 without a body.
      Replies.raw(rc, 400, null);
      return;
    }
    String org = body.getString("org", body.getString("platform_key", "main"));
    JsonObject existing = programs.first(p -> org.equals(p.getString("org")) && programId.equals(p.getString("program_id"))).orElse(null);
    String now = Instant.now().toString();
    JsonObject row = new JsonObject()
        .put("org", org)
        .put("program_id", programId)
        .put("name", name)
        .put("slug", body.getString("slug", existing == null ? RolesDomain.slugify(name) : existing.getString("slug")))
        .put("enabled", body.getBoolean("enabled", true))
        .put("course_list", courses)
        .put("program_type", type)
        .put("data", body.containsKey("data") ? body.getValue("data") : existing == null ? null : existing.getValue("data"))
        .put("created_at", existing == null ? now : existing.getString("created_at"))
        .put("updated_at", now);
    JsonObject saved = existing != null ? programs.replace(existing.getLong("id"), row) : programs.insert(row);
    Replies.json(rc, existing != null ? 200 : 201, render(saved));
  }

  private void list(RoutingContext rc) {
    QueryFilters filters = new QueryFilters(rc.queryParams())
        .custom("course_id", (v, p) -> p.getJsonArray("course_list").stream()
            .anyMatch(c -> c instanceof JsonObject o && v.equals(o.getString("course_id"))))
        .bool("enabled", "enabled")
        .text("name", "name")
        .text("org", "org")
        .text("program_id", "program_id")
        .textIgnoringCase("slug", "slug");
    if (filters.invalid() != null) {
      Replies.fieldErrors(rc, Map.of(filters.invalid(), "Must be a valid boolean."));
      return;
    }
    JsonArray answer = new JsonArray();
    programs.where(filters.predicate()).forEach(p -> answer.add(render(p)));
    Replies.json(rc, 200, answer);
  }

  private void delete(RoutingContext rc) {
    String org = rc.queryParams().get("org");
    String programId = rc.queryParams().get("program_id");
    if (org == null || programId == null) {
      Replies.raw(rc, 400, null);
      return;
    }
    int count = programs.deleteWhere(p -> org.equals(p.getString("org")) && programId.equals(p.getString("program_id")));
    Replies.json(rc, 200, DeleteCounts.of("catalog.Program", count));
  }

  private JsonObject render(JsonObject row) {
    JsonObject institution = institutions.computeIfAbsent(row.getString("org"), org -> new JsonObject()
        .put("id", institutions.size() + 1).put("name", org).put("updated_at", Instant.now().toString()));
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("institution", institution.copy())
        .put("name", row.getString("name"))
        .put("program_type", row.getString("program_type"))
        .put("duration", 0)
        .putNull("description")
        .put("data", row.getValue("data"))
        .put("metadata", new JsonObject()
            .put("program_id", row.getString("program_id"))
            .put("org", row.getString("org"))
            .put("slug", row.getString("slug"))
            .put("enabled", row.getBoolean("enabled"))
            .put("course_list", row.getJsonArray("course_list").copy()))
        .put("created_at", row.getString("created_at"))
        .put("updated_at", row.getString("updated_at"));
  }
}
