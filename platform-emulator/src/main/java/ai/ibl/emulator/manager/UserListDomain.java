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
import java.util.Optional;

/**
 * One of a user's lists kept by the Manager: desired roles, reported roles, desired skills or
 * reported skills ({@code /api/catalog/roles/desired/} and its siblings). A POST sets the user's
 * list (items by id or by name, unknown names created), a GET reads it back; both answer
 * {@code DesiredRole}/{@code ReportedRole}/{@code DesiredSkill}/{@code ReportedSkill}. The
 * description documents 400 without a body, so refusals carry none.
 */
public final class UserListDomain implements EmulatedDomain {
  private final String path;
  private final String field;
  private final NamedCatalog catalog;
  private final Table lists = new Table();

  /**
   * @param path e.g. {@code /api/catalog/roles/desired/}
   * @param field the list's name in bodies: {@code roles} or {@code skills}
   */
  public UserListDomain(String path, String field, NamedCatalog catalog) {
    this.path = path;
    this.field = field;
    this.catalog = catalog;
  }

  @Override
  public Upstream upstream() {
    return Upstream.MANAGER;
  }

  @Override
  public void mount(Router router, EmulatorContext context) {
    router.post(path).handler(this::save);
    router.get(path).handler(this::find);
  }

  @Override
  public void reset() {
    lists.clear();
  }

  private void save(RoutingContext rc) {
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    Long userId = body.getValue("user_id") instanceof Number n ? Long.valueOf(n.longValue())
        : RolesDomain.parseLong(rc.queryParams().get("user_id") == null ? "" : rc.queryParams().get("user_id"));
    String username = body.getValue("username") instanceof String s ? s : rc.queryParams().get("username");
    if ((userId == null && username == null) || !(body.getValue(field) instanceof JsonArray items)) {
      Replies.raw(rc, 400, null);
      return;
    }
    JsonArray ids = new JsonArray();
    for (Object item : items) {
      Optional<Long> id = catalog.resolve(item, "main");
      if (id.isEmpty()) {
        Replies.raw(rc, 400, null);
        return;
      }
      if (!ids.contains(id.get())) {
        ids.add(id.get());
      }
    }
    JsonObject existing = owner(userId, username).orElse(null);
    JsonObject row = new JsonObject()
        .put("user_id", userId != null ? userId : existing == null ? null : existing.getLong("user_id"))
        .put("username", username != null ? username : existing == null ? null : existing.getString("username"))
        .put("items", ids)
        .put("data", body.containsKey("data") ? body.getValue("data") : existing == null ? null : existing.getValue("data"));
    JsonObject saved = existing != null ? lists.replace(existing.getLong("id"), row) : lists.insert(row);
    Replies.json(rc, existing != null ? 200 : 201, render(saved));
  }

  private void find(RoutingContext rc) {
    String userIdText = rc.queryParams().get("user_id");
    Long userId = userIdText == null ? null : RolesDomain.parseLong(userIdText);
    String username = rc.queryParams().get("username");
    if ((userIdText != null && userId == null) || (userId == null && username == null)) {
      Replies.raw(rc, 400, null);
      return;
    }
    owner(userId, username).ifPresentOrElse(
        row -> Replies.json(rc, 200, render(row)),
        () -> Replies.detail(rc, 404, "Not found."));
  }

  private Optional<JsonObject> owner(Long userId, String username) {
    return lists.first(r -> userId != null
        ? r.getValue("user_id") instanceof Number n && n.longValue() == userId
        : username.equals(r.getString("username")));
  }

  private JsonObject render(JsonObject row) {
    JsonArray items = new JsonArray();
    row.getJsonArray("items").forEach(id -> catalog.render(((Number) id).longValue()).ifPresent(items::add));
    JsonObject answer = new JsonObject();
    if (row.getValue("user_id") != null) {
      answer.put("user_id", row.getLong("user_id"));
    }
    if (row.getValue("username") != null) {
      answer.put("username", row.getString("username"));
    }
    return answer.put(field, items).put("data", row.getValue("data"));
  }
}
