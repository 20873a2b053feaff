package ai.ibl.emulator.manager;

import ai.ibl.emulator.core.EmulatedDomain;
import ai.ibl.emulator.core.EmulatorContext;
import ai.ibl.emulator.core.JsonBodies;
import ai.ibl.emulator.core.Replies;
import ai.ibl.emulator.core.Table;
import ai.ibl.emulator.core.Upstream;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Manager's {@code /api/catalog/resources/}: create (no {@code id}) or update (with {@code id}),
 * search, delete by {@code id}. The platform a resource belongs to comes from the query
 * ({@code platform_key} or {@code key}); its organisation ({@code org}/{@code platform_org}) is the
 * platform's. Answers the {@code Resource} schema, which does not echo owner or platform.
 */
public final class ResourcesDomain implements EmulatedDomain {
  private final Table resources = new Table();

  @Override
  public Upstream upstream() {
    return Upstream.MANAGER;
  }

  @Override
  public void mount(Router router, EmulatorContext context) {
    router.post("/api/catalog/resources/").handler(this::save);
    router.get("/api/catalog/resources/").handler(this::list);
    router.delete("/api/catalog/resources/").handler(this::delete);
  }

  @Override
  public void reset() {
    resources.clear();
  }

  private static String platformOf(MultiMap q) {
    for (String name : new String[] {"platform_key", "key", "org", "platform_org"}) {
      if (q.get(name) != null) {
        return q.get(name);
      }
    }
    return "main";
  }

  private void save(RoutingContext rc) {
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    Long id = body.getValue("id") instanceof Number n ? Long.valueOf(n.longValue()) : null;
    JsonObject existing = id == null ? null : resources.get(id).orElse(null);
    if (id != null && existing == null) {
      Replies.detail(rc, 404, "Resource not found.");
      return;
    }
    Map<String, String> errors = new LinkedHashMap<>();
    for (String field : new String[] {"name", "resource_type", "url"}) {
      Object value = body.getValue(field);
      if (value != null && !(value instanceof String s && !s.isBlank())) {
        errors.put(field, "Not a valid string.");
      } else if (value == null && existing == null) {
        errors.put(field, "This field is required.");
      }
    }
    if (body.getValue("url") instanceof String url && !url.matches("^https?://\\S+$")) {
      errors.put("url", "Enter a valid URL.");
    }
    if (body.containsKey("skills") && !(body.getValue("skills") instanceof JsonArray)) {
      errors.put("skills", "Expected a list of items.");
    }
    if (!errors.isEmpty()) {
      Replies.fieldErrors(rc, errors);
      return;
    }
    JsonObject row = existing != null ? existing.copy() : new JsonObject()
        .put("platform_key", platformOf(rc.queryParams()))
        .put("item_id", rc.queryParams().get("item_id"));
    for (String field : new String[] {"name", "resource_type", "url", "description", "image", "data", "skills"}) {
      if (body.containsKey(field)) {
        row.put(field, body.getValue(field));
      }
    }
    Object owner = body.getValue("user_id", rc.queryParams().get("user_id") == null ? null : RolesDomain.parseLong(rc.queryParams().get("user_id")));
    if (owner instanceof Number n) {
      row.put("user_id", n.longValue());
    }
    String username = body.getString("username", rc.queryParams().get("username"));
    if (username != null) {
      row.put("username", username);
    }
    JsonObject saved = existing != null ? resources.replace(id, row) : resources.insert(row);
    Replies.json(rc, 200, render(saved));
  }

  private void list(RoutingContext rc) {
    QueryFilters filters = filters(rc);
    if (filters.invalid() != null) {
      Replies.fieldErrors(rc, Map.of(filters.invalid(), "A valid integer is required."));
      return;
    }
    JsonArray answer = new JsonArray();
    resources.where(filters.predicate()).forEach(r -> answer.add(render(r)));
    Replies.json(rc, 200, answer);
  }

  private void delete(RoutingContext rc) {
    QueryFilters filters = filters(rc);
    if (rc.queryParams().get("id") == null || filters.invalid() != null) {
      Replies.fieldErrors(rc, Map.of("id", "This field is required."));
      return;
    }
    Replies.json(rc, 200, DeleteCounts.of("catalog.Resource", resources.deleteWhere(filters.predicate())));
  }

  private static QueryFilters filters(RoutingContext rc) {
    return new QueryFilters(rc.queryParams())
        .number("id", "id")
        .text("item_id", "item_id")
        .text("key", "platform_key")
        .text("name", "name")
        .text("org", "platform_key")
        .text("platform_key", "platform_key")
        .text("platform_org", "platform_key")
        .text("resource_type", "resource_type")
        .number("user_id", "user_id")
        .text("username", "username");
  }

  private static JsonObject render(JsonObject row) {
    JsonObject answer = new JsonObject();
    if (row.getString("item_id") != null) {
      answer.put("item_id", row.getString("item_id"));
    }
    return answer
        .put("id", row.getLong("id"))
        .put("name", row.getString("name"))
        .put("url", row.getString("url"))
        .put("resource_type", row.getString("resource_type"))
        .put("data", row.getValue("data"))
        .put("image", row.getString("image"))
        .put("description", row.getString("description"));
  }
}
