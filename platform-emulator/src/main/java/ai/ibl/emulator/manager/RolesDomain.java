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
import java.util.Objects;

/**
 * The Manager's {@code /api/catalog/roles/}: create-or-update (matched by id, else by slug, else by
 * name, within a platform) and retrieve by id, name, exact name, slug, platform. Answers the
 * {@code Role} schema.
 */
public final class RolesDomain implements EmulatedDomain, NamedCatalog {
  private final Table roles = new Table();

  @Override
  public Upstream upstream() {
    return Upstream.MANAGER;
  }

  @Override
  public void mount(Router router, EmulatorContext context) {
    router.post("/api/catalog/roles/").handler(this::save);
    router.get("/api/catalog/roles/").handler(this::find);
  }

  @Override
  public void reset() {
    roles.clear();
  }

  /** The platform a row belongs to; the Manager files rows without one under "main". */
  static String platformOf(JsonObject body) {
    String key = body.getString("platform_key");
    return key == null || key.isBlank() ? "main" : key;
  }

  private void save(RoutingContext rc) {
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    Object name = body.getValue("name");
    if (!(name instanceof String text) || text.isBlank()) {
      Replies.fieldErrors(rc, Map.of("name", "This field is required."));
      return;
    }
    String platform = platformOf(body);
    String slug = body.getString("slug");
    Long id = body.getValue("id") instanceof Number n ? n.longValue() : null;
    JsonObject existing = id != null
        ? roles.get(id).orElse(null)
        : roles.first(r -> platform.equals(r.getString("platform_key"))
            && (slug != null ? slug.equals(r.getString("slug")) : text.equals(r.getString("name")))).orElse(null);
    if (id != null && existing == null) {
      Replies.detail(rc, 404, "Role not found.");
      return;
    }
    JsonObject row = new JsonObject()
        .put("name", text)
        .put("slug", slug != null ? slug : existing != null ? existing.getString("slug") : slugify(text))
        .put("platform_key", platform)
        .put("skills", existing != null ? existing.getJsonArray("skills", new JsonArray()) : new JsonArray())
        .put("data", body.containsKey("data") ? body.getValue("data") : existing != null ? existing.getValue("data") : null);
    JsonObject saved = existing != null ? roles.replace(existing.getLong("id"), row) : roles.insert(row);
    Replies.json(rc, 200, saved);
  }

  private void find(RoutingContext rc) {
    var q = rc.queryParams();
    String platform = q.get("platform_key");
    Long id = q.get("id") == null ? null : parseLong(q.get("id"));
    if (q.get("id") != null && id == null) {
      Replies.fieldErrors(rc, Map.of("id", "A valid integer is required."));
      return;
    }
    roles.first(r -> (platform == null || platform.equals(r.getString("platform_key")))
            && (id == null || id == r.getLong("id"))
            && (q.get("name") == null || Objects.equals(q.get("name"), r.getString("name")))
            && (q.get("name__iexact") == null || q.get("name__iexact").equalsIgnoreCase(r.getString("name")))
            && (q.get("slug") == null || Objects.equals(q.get("slug"), r.getString("slug"))))
        .ifPresentOrElse(r -> Replies.json(rc, 200, r), () -> Replies.detail(rc, 404, "Not found."));
  }

  @Override
  public java.util.Optional<Long> resolve(Object item, String defaultPlatform) {
    if (item instanceof Number n) {
      return roles.get(n.longValue()).map(r -> r.getLong("id"));
    }
    if (!(item instanceof JsonObject ref)) {
      return java.util.Optional.empty();
    }
    if (ref.getValue("id") instanceof Number n) {
      return roles.get(n.longValue()).map(r -> r.getLong("id"));
    }
    String name = ref.getValue("name") instanceof String s && !s.isBlank() ? s : null;
    if (name == null) {
      return java.util.Optional.empty();
    }
    String platform = ref.getString("platform_key", defaultPlatform);
    synchronized (roles) {
      return java.util.Optional.of(roles.first(r -> platform.equals(r.getString("platform_key")) && name.equals(r.getString("name")))
          .orElseGet(() -> roles.insert(new JsonObject().put("name", name).put("slug", slugify(name))
              .put("platform_key", platform).put("skills", new JsonArray()).putNull("data")))
          .getLong("id"));
    }
  }

  @Override
  public java.util.Optional<JsonObject> render(long id) {
    return roles.get(id);
  }

  /** Forgets a role, as deleting it in the Manager's admin would (tests reconcile against this). */
  public boolean delete(long id) {
    return roles.delete(id);
  }

  static Long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String slugify(String name) {
    return name.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
