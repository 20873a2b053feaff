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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Manager's {@code /api/catalog/skills/}. Its description takes the skill from the query
 * ({@code id, name, slug, platform_key}) and a {@code PaginatedSkill} body, and answers
 * {@code PaginatedSkill} for both the save and the search; skills are rendered as {@code Skill}
 * ({@code skill_id, name, slug, platform}).
 */
public final class SkillsDomain implements EmulatedDomain, NamedCatalog {
  private final Table skills = new Table();

  @Override
  public Upstream upstream() {
    return Upstream.MANAGER;
  }

  @Override
  public void mount(Router router, EmulatorContext context) {
    router.post("/api/catalog/skills/").handler(this::save);
    router.get("/api/catalog/skills/").handler(this::find);
  }

  @Override
  public void reset() {
    skills.clear();
  }

  private void save(RoutingContext rc) {
    if (JsonBodies.object(rc) == null) {
      return;
    }
    var q = rc.queryParams();
    String name = q.get("name");
    Long id = q.get("id") == null ? null : RolesDomain.parseLong(q.get("id"));
    if (q.get("id") != null && id == null) {
      Replies.fieldErrors(rc, Map.of("id", "A valid integer is required."));
      return;
    }
    if (id == null && (name == null || name.isBlank())) {
      Replies.fieldErrors(rc, Map.of("name", "This field is required."));
      return;
    }
    String platform = q.get("platform_key") == null ? "main" : q.get("platform_key");
    String slug = q.get("slug");
    JsonObject existing = id != null
        ? skills.get(id).orElse(null)
        : skills.first(s -> platform.equals(s.getString("platform"))
            && (slug != null ? slug.equals(s.getString("slug")) : name.equals(s.getString("name")))).orElse(null);
    if (id != null && existing == null) {
      Replies.detail(rc, 404, "Skill not found.");
      return;
    }
    JsonObject row = new JsonObject()
        .put("name", name != null ? name : existing.getString("name"))
        .put("slug", slug != null ? slug : existing != null ? existing.getString("slug") : RolesDomain.slugify(name))
        .put("platform", existing != null && id != null ? existing.getString("platform") : platform);
    JsonObject saved = existing != null ? skills.replace(existing.getLong("id"), row) : skills.insert(row);
    Replies.json(rc, 200, page(List.of(saved), 1, 1));
  }

  private void find(RoutingContext rc) {
    var q = rc.queryParams();
    QueryFilters filters = new QueryFilters(q)
        .number("id", "id")
        .text("name", "name")
        .textIgnoringCase("name__iexact", "name")
        .text("slug", "slug")
        .text("platform_key", "platform");
    Long page = q.get("page") == null ? Long.valueOf(1) : RolesDomain.parseLong(q.get("page"));
    Long size = q.get("page_size") == null ? Long.valueOf(10) : RolesDomain.parseLong(q.get("page_size"));
    if (filters.invalid() != null || page == null || size == null || page < 1 || size < 1) {
      String field = filters.invalid() != null ? filters.invalid() : page == null || page < 1 ? "page" : "page_size";
      Replies.fieldErrors(rc, Map.of(field, "A valid integer is required."));
      return;
    }
    String sort = q.get("sort") == null ? "id" : q.get("sort");
    Comparator<JsonObject> order = switch (sort.replace("-", "")) {
      case "name" -> Comparator.comparing(s -> s.getString("name", ""));
      case "slug" -> Comparator.comparing(s -> s.getString("slug", ""));
      default -> Comparator.comparing(s -> s.getLong("id"));
    };
    if (sort.startsWith("-")) {
      order = order.reversed();
    }
    List<JsonObject> matching = skills.where(filters.predicate()).stream().sorted(order).toList();
    Replies.json(rc, 200, page(matching, page.intValue(), size.intValue()));
  }

  private static JsonObject page(List<JsonObject> rows, int page, int size) {
    int from = Math.min(rows.size(), (page - 1) * size);
    int to = Math.min(rows.size(), from + size);
    JsonArray results = new JsonArray();
    rows.subList(from, to).forEach(r -> results.add(render(r)));
    // PaginatedSkill's links are non-nullable strings: an absent page is the empty string.
    return new JsonObject()
        .put("count", rows.size())
        .put("next_page", to < rows.size() ? "?page=" + (page + 1) + "&page_size=" + size : "")
        .put("previous_page", page > 1 ? "?page=" + (page - 1) + "&page_size=" + size : "")
        .put("results", results);
  }

  static JsonObject render(JsonObject row) {
    return new JsonObject()
        .put("skill_id", row.getLong("id"))
        .put("name", row.getString("name"))
        .put("slug", row.getString("slug"))
        .put("platform", row.getString("platform"));
  }

  @Override
  public Optional<Long> resolve(Object item, String defaultPlatform) {
    if (item instanceof Number n) {
      return skills.get(n.longValue()).map(r -> r.getLong("id"));
    }
    if (!(item instanceof JsonObject ref)) {
      return Optional.empty();
    }
    Object id = ref.getValue("id", ref.getValue("skill_id"));
    if (id instanceof Number n) {
      return skills.get(n.longValue()).map(r -> r.getLong("id"));
    }
    String name = ref.getValue("name") instanceof String s && !s.isBlank() ? s : null;
    if (name == null) {
      return Optional.empty();
    }
    String platform = ref.getString("platform_key", ref.getString("platform", defaultPlatform));
    synchronized (skills) {
      return Optional.of(skills.first(s -> platform.equals(s.getString("platform")) && name.equals(s.getString("name")))
          .orElseGet(() -> skills.insert(new JsonObject().put("name", name).put("slug", RolesDomain.slugify(name))
              .put("platform", platform)))
          .getLong("id"));
    }
  }

  @Override
  public Optional<JsonObject> render(long id) {
    return skills.get(id).map(SkillsDomain::render);
  }

  /** Forgets a skill, as deleting it in the Manager's admin would. */
  public boolean delete(long id) {
    return skills.delete(id);
  }
}
