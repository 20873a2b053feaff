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
import java.util.Map;
import java.util.UUID;

/**
 * The Manager's {@code /api/catalog/pathways/}: create-or-update by owner and {@code pathway_id}
 * (or {@code pathway_uuid}), search, delete by {@code pathway_id} and {@code user_id}. Answers the
 * {@code Pathway} schema, whose {@code path} is the item list serialised as a string.
 */
public final class PathwaysDomain implements EmulatedDomain {
  private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("^[-a-zA-Z0-9_]+$");
  private final Table pathways = new Table();

  @Override
  public Upstream upstream() {
    return Upstream.MANAGER;
  }

  @Override
  public void mount(Router router, EmulatorContext context) {
    router.post("/api/catalog/pathways/").handler(this::save);
    router.get("/api/catalog/pathways/").handler(this::list);
    router.delete("/api/catalog/pathways/").handler(this::delete);
  }

  @Override
  public void reset() {
    pathways.clear();
  }

  private void save(RoutingContext rc) {
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    String name = body.getValue("name") instanceof String s && !s.isBlank() && s.length() <= 255 ? s : null;
    Long userId = body.getValue("user_id") instanceof Number n ? Long.valueOf(n.longValue()) : null;
    String slug = body.getValue("slug") instanceof String s ? s : null;
    if (name == null || userId == null || !(body.getValue("path") instanceof JsonArray path)
        || !path.stream().allMatch(i -> i instanceof JsonObject o && o.getValue("item_id") instanceof String)
        || (slug != null && !SLUG.matcher(slug).matches())) {
      Replies.raw(rc, 400, null);
      return;
    }
    String platform = body.getString("platform_key", rc.queryParams().get("platform_key") == null ? "main" : rc.queryParams().get("platform_key"));
    String uuid = body.getValue("pathway_uuid") instanceof String s ? s : null;
    String pathwayId = body.getValue("pathway_id") instanceof String s && !s.isBlank() ? s : null;
    JsonObject existing = pathways.first(p -> platform.equals(p.getString("platform_key"))
        && (uuid != null ? uuid.equals(p.getString("pathway_uuid"))
            : pathwayId != null && pathwayId.equals(p.getString("pathway_id")) && userId.equals(p.getLong("user_id")))).orElse(null);
    JsonObject row = new JsonObject()
        .put("pathway_id", pathwayId != null ? pathwayId : existing != null ? existing.getString("pathway_id") : RolesDomain.slugify(name))
        .put("pathway_uuid", existing != null ? existing.getString("pathway_uuid") : uuid != null ? uuid : UUID.randomUUID().toString())
        .put("items", path)
        .put("name", name)
        .put("visible", body.getBoolean("visible", existing == null || existing.getBoolean("visible")))
        .put("slug", slug != null ? slug : existing == null ? null : existing.getString("slug"))
        .put("user_id", userId)
        .put("username", body.getString("username", existing == null ? null : existing.getString("username")))
        .put("platform_key", platform)
        .put("data", body.containsKey("data") ? body.getValue("data") : existing == null ? null : existing.getValue("data"));
    JsonObject saved = existing != null ? pathways.replace(existing.getLong("id"), row) : pathways.insert(row);
    Replies.json(rc, existing != null ? 200 : 201, render(saved));
  }

  private void list(RoutingContext rc) {
    QueryFilters filters = filters(rc);
    if (filters.invalid() != null) {
      Replies.fieldErrors(rc, Map.of(filters.invalid(), "A valid value is required."));
      return;
    }
    JsonArray answer = new JsonArray();
    pathways.where(filters.predicate()).forEach(p -> answer.add(render(p)));
    Replies.json(rc, 200, answer);
  }

  private void delete(RoutingContext rc) {
    QueryFilters filters = filters(rc);
    if (rc.queryParams().get("pathway_id") == null || rc.queryParams().get("user_id") == null || filters.invalid() != null) {
      Replies.raw(rc, 400, null);
      return;
    }
    Replies.json(rc, 200, DeleteCounts.of("catalog.Pathway", pathways.deleteWhere(filters.predicate())));
  }

  private static QueryFilters filters(RoutingContext rc) {
    return new QueryFilters(rc.queryParams())
        .custom("item_id", (v, p) -> p.getJsonArray("items").stream()
            .anyMatch(i -> i instanceof JsonObject o && v.equals(o.getString("item_id"))))
        .text("name", "name")
        .text("pathway_id", "pathway_id")
        .text("pathway_uuid", "pathway_uuid")
        .text("platform_key", "platform_key")
        .textIgnoringCase("slug", "slug")
        .number("user_id", "user_id")
        .text("username", "username")
        .bool("visible", "visible");
  }

  private static JsonObject render(JsonObject row) {
    JsonObject answer = new JsonObject()
        .put("id", row.getLong("id"))
        .put("pathway_id", row.getString("pathway_id"))
        .put("pathway_uuid", row.getString("pathway_uuid"))
        .put("path", row.getJsonArray("items").encode())
        .put("name", row.getString("name"))
        .put("visible", row.getBoolean("visible"))
        .put("slug", row.getString("slug"))
        .put("user_id", row.getLong("user_id"));
    // Non-nullable strings in the description: absent rather than null.
    if (row.getString("username") != null) {
      answer.put("username", row.getString("username"));
    }
    return answer.put("platform_key", row.getString("platform_key")).put("data", row.getValue("data"));
  }
}
