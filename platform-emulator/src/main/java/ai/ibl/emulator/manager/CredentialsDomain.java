package ai.ibl.emulator.manager;

import ai.ibl.emulator.core.EmulatedDomain;
import ai.ibl.emulator.core.EmulatorContext;
import ai.ibl.emulator.core.JsonBodies;
import ai.ibl.emulator.core.Replies;
import ai.ibl.emulator.core.Upstream;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Manager's {@code /api/credentials/orgs/{org}/users/{user_id}/...}: issuers, credentials
 * (definitions) and assertions, answered with the contract's {@code Issuer}, {@code Credential},
 * {@code Assertion} and {@code PaginatedAssertionsResponse} schemas exactly (the validator allows no
 * other properties). Rows remember their org beside the answered fields, never inside them.
 */
public final class CredentialsDomain implements EmulatedDomain {
  private static final String BASE = "/api/credentials/orgs/:org/users/:user";

  private final Map<String, Row> issuers = new LinkedHashMap<>();
  private final Map<String, Row> credentials = new LinkedHashMap<>();
  private final Map<String, Row> assertions = new LinkedHashMap<>();

  /** One stored entity: the org it was filed under, and its answer as the contract shapes it. */
  private record Row(String org, String parent, JsonObject json) {}

  @Override
  public Upstream upstream() {
    return Upstream.MANAGER;
  }

  @Override
  public void mount(Router router, EmulatorContext context) {
    router.get(BASE + "/issuers/").handler(this::findIssuer);
    router.post(BASE + "/issuers/").handler(this::createIssuer);
    router.get(BASE + "/issuers/:id").handler(this::getIssuer);
    router.put(BASE + "/issuers/:id").handler(this::updateIssuer);
    router.delete(BASE + "/issuers/:id").handler(this::deleteIssuer);
    router.get(BASE + "/assertions/").handler(this::userAssertions);
    router.get(BASE + "/assertions/:id").handler(this::getAssertion);
    router.put(BASE + "/assertions/:id").handler(this::updateAssertion);
    router.get(BASE + "/:id/assertions/").handler(this::credentialAssertions);
    router.post(BASE + "/:id/assertions/").handler(this::issue);
    router.get(BASE + "/").handler(this::firstCredential);
    router.post(BASE + "/").handler(this::createCredential);
    router.get(BASE + "/:id").handler(this::getCredential);
    router.put(BASE + "/:id").handler(this::updateCredential);
    router.delete(BASE + "/:id").handler(this::deleteCredential);
  }

  @Override
  public synchronized void reset() {
    issuers.clear();
    credentials.clear();
    assertions.clear();
  }

  // ---- issuers

  /** The contract answers one {@code Issuer} here and requires {@code q}: the first issuer of the org whose name contains it. */
  private synchronized void findIssuer(RoutingContext rc) {
    String q = rc.queryParams().get("q");
    if (q == null || q.isBlank()) {
      Replies.fieldErrors(rc, Map.of("q", "This field is required."));
      return;
    }
    String org = rc.pathParam("org");
    String needle = q.toLowerCase(Locale.ROOT);
    issuers.values().stream()
        .filter(r -> r.org().equals(org) && r.json().getString("name", "").toLowerCase(Locale.ROOT).contains(needle))
        .findFirst()
        .ifPresentOrElse(r -> Replies.json(rc, 200, r.json()), () -> Replies.detail(rc, 404, "Not found."));
  }

  private synchronized void createIssuer(RoutingContext rc) {
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    Map<String, String> errors = new LinkedHashMap<>();
    String entityId = requiredText(body, "entityId", errors);
    String name = requiredText(body, "name", errors);
    if (!(body.getValue("iconImage") instanceof String)) {
      errors.put("iconImage", "This field is required.");
    }
    if (body.containsKey("url") && !(body.getValue("url") instanceof String)) {
      errors.put("url", "Not a valid string.");
    }
    if (entityId != null && issuers.containsKey(entityId)) {
      errors.put("entityId", "issuer with this entity id already exists.");
    }
    if (!errors.isEmpty()) {
      Replies.fieldErrors(rc, errors);
      return;
    }
    String org = rc.pathParam("org");
    JsonObject issuer = new JsonObject()
        .put("name", name)
        .put("org", org)
        .put("entityId", entityId)
        .put("signatories", new JsonObject())
        .put("url", body.getString("url", ""))
        .put("iconImage", body.getString("iconImage"))
        .put("allowed_template_tags", body.getValue("allowed_template_tags"));
    issuers.put(entityId, new Row(org, null, issuer));
    Replies.json(rc, 200, issuer);
  }

  /** By entity id, or by org identifier: "the issuer of an organisation". */
  private synchronized void getIssuer(RoutingContext rc) {
    String id = rc.pathParam("id");
    Row row = issuers.get(id);
    if (row == null) {
      row = issuers.values().stream().filter(r -> r.org().equals(id)).findFirst().orElse(null);
    }
    if (row == null) {
      Replies.detail(rc, 404, "Not found.");
      return;
    }
    Replies.json(rc, 200, row.json());
  }

  private synchronized void updateIssuer(RoutingContext rc) {
    Row row = issuers.get(rc.pathParam("id"));
    if (row == null || !row.org().equals(rc.pathParam("org"))) {
      Replies.detail(rc, 404, "Not found.");
      return;
    }
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    JsonObject issuer = row.json().copy();
    for (String field : List.of("name", "url", "iconImage")) {
      if (body.getValue(field) instanceof String text) {
        issuer.put(field, text);
      }
    }
    if (body.containsKey("allowed_template_tags")) {
      issuer.put("allowed_template_tags", body.getValue("allowed_template_tags"));
    }
    issuers.put(row.json().getString("entityId"), new Row(row.org(), null, issuer));
    Replies.json(rc, 200, issuer);
  }

  private synchronized void deleteIssuer(RoutingContext rc) {
    Row row = issuers.get(rc.pathParam("id"));
    if (row == null || !row.org().equals(rc.pathParam("org"))) {
      Replies.detail(rc, 404, "Not found.");
      return;
    }
    issuers.remove(rc.pathParam("id"));
    Replies.noContent(rc);
  }

  // ---- credentials (definitions)

  /** The contract answers a single {@code Credential} for the collection's GET, and takes no query parameters. */
  private synchronized void firstCredential(RoutingContext rc) {
    String org = rc.pathParam("org");
    credentials.values().stream().filter(r -> r.org().equals(org)).findFirst()
        .ifPresentOrElse(r -> Replies.json(rc, 200, r.json()), () -> Replies.detail(rc, 404, "Not found."));
  }

  private synchronized void createCredential(RoutingContext rc) {
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    Map<String, String> errors = credentialErrors(body);
    String id = body.getValue("credential_id") instanceof String s ? s : null;
    if (id != null && credentials.containsKey(id)) {
      errors.put("credential_id", "credential with this credential id already exists.");
    }
    if (!errors.isEmpty()) {
      Replies.fieldErrors(rc, errors);
      return;
    }
    JsonObject credential = credentialOf(body);
    credentials.put(id, new Row(rc.pathParam("org"), null, credential));
    Replies.json(rc, 200, credential);
  }

  private synchronized void getCredential(RoutingContext rc) {
    Row row = credentialIn(rc);
    if (row == null) {
      Replies.detail(rc, 404, "Not found.");
      return;
    }
    Replies.json(rc, 200, row.json());
  }

  private synchronized void updateCredential(RoutingContext rc) {
    Row row = credentialIn(rc);
    if (row == null) {
      Replies.detail(rc, 404, "Not found.");
      return;
    }
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    Map<String, String> errors = credentialErrors(body);
    if (!errors.isEmpty()) {
      Replies.fieldErrors(rc, errors);
      return;
    }
    JsonObject credential = credentialOf(body.put("credential_id", row.json().getString("credential_id")));
    credentials.put(credential.getString("credential_id"), new Row(row.org(), null, credential));
    Replies.json(rc, 200, credential);
  }

  private synchronized void deleteCredential(RoutingContext rc) {
    Row row = credentialIn(rc);
    if (row == null) {
      Replies.detail(rc, 404, "Not found.");
      return;
    }
    credentials.remove(row.json().getString("credential_id"));
    Replies.noContent(rc);
  }

  private Row credentialIn(RoutingContext rc) {
    Row row = credentials.get(rc.pathParam("id"));
    return row != null && row.org().equals(rc.pathParam("org")) ? row : null;
  }

  private Map<String, String> credentialErrors(JsonObject body) {
    Map<String, String> errors = new LinkedHashMap<>();
    requiredText(body, "credential_id", errors);
    requiredText(body, "name", errors);
    if (!(body.getValue("credential_url") instanceof String)) {
      errors.put("credential_url", "This field is required.");
    }
    if (!(body.getValue("revoked") instanceof Boolean)) {
      errors.put("revoked", "This field is required.");
    }
    Object issuer = body.getValue("issuer");
    if (issuer != null && !(issuer instanceof String s && issuers.containsKey(s))) {
      errors.put("issuer", "Invalid issuer.");
    }
    return errors;
  }

  private static JsonObject credentialOf(JsonObject body) {
    return new JsonObject()
        .put("credential_id", body.getString("credential_id"))
        .put("credential_url", body.getString("credential_url"))
        .put("name", body.getString("name"))
        .put("credential_type", body.getValue("credential_type") instanceof String s ? s : null)
        .put("issuer", body.getValue("issuer") instanceof String s ? s : null)
        .put("issued_on", body.getValue("issued_on") instanceof String s ? s : null)
        .put("expires_at", body.getValue("expires_at") instanceof String s ? s : null)
        .put("revoked", body.getBoolean("revoked"));
  }

  // ---- assertions

  private synchronized void issue(RoutingContext rc) {
    Row credential = credentialIn(rc);
    if (credential == null) {
      Replies.detail(rc, 404, "Not found.");
      return;
    }
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    Map<String, String> errors = new LinkedHashMap<>();
    String entityId = requiredText(body, "entityId", errors);
    requiredText(body, "issuedOn", errors);
    for (String field : List.of("expires", "revocationReason")) {
      if (!(body.getValue(field) instanceof String)) {
        errors.put(field, "This field is required.");
      }
    }
    JsonObject recipient = body.getValue("recipient") instanceof JsonObject o ? o : null;
    String email = recipient == null ? null : recipient.getValue("email") instanceof String s ? s : null;
    if (recipient == null || email == null || !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
      errors.put("recipient", "Enter a valid email address.");
    }
    if (body.containsKey("course") && !(body.getValue("course") instanceof JsonObject)) {
      errors.put("course", "Expected a dictionary of items.");
    }
    if (entityId != null && assertions.containsKey(entityId)) {
      errors.put("entityId", "assertion with this entity id already exists.");
    }
    if (!errors.isEmpty()) {
      Replies.fieldErrors(rc, errors);
      return;
    }
    JsonObject c = credential.json();
    JsonObject details = new JsonObject()
        .put("entityId", c.getString("credential_id"))
        .put("name", c.getString("name"));
    if (c.getString("issuer") != null) {
      details.put("issuer", c.getString("issuer"));
    }
    JsonObject assertion = new JsonObject()
        .put("entityId", entityId)
        .put("issuedOn", body.getString("issuedOn"))
        .put("credentialDetails", details)
        .put("recipient", strings(recipient))
        .put("metadata", body.getValue("metadata"))
        .put("course", body.getValue("course") instanceof JsonObject o ? strings(o) : new JsonObject())
        .put("program", new JsonObject())
        .put("narrative", body.getValue("narrative") instanceof String s ? s : null)
        .put("revoked", false)
        .put("revocationReason", "")
        .put("acceptance", "Unaccepted")
        .put("expires", body.getString("expires"));
    assertions.put(entityId, new Row(rc.pathParam("org"), c.getString("credential_id"), assertion));
    Replies.json(rc, 200, assertion);
  }

  /** The contract gives this list no query parameters: it answers every assertion of the credential. */
  private synchronized void credentialAssertions(RoutingContext rc) {
    if (credentialIn(rc) == null) {
      Replies.detail(rc, 404, "Not found.");
      return;
    }
    String org = rc.pathParam("org");
    String credential = rc.pathParam("id");
    List<JsonObject> found = select(r -> r.org().equals(org) && credential.equals(r.parent()));
    Replies.json(rc, 200, page(found, 1, Math.max(1, found.size()), rc));
  }

  private synchronized void userAssertions(RoutingContext rc) {
    var q = rc.queryParams();
    Integer page = q.get("page") == null ? Integer.valueOf(1) : parseInt(q.get("page"));
    Integer size = q.get("page_size") == null ? Integer.valueOf(10) : parseInt(q.get("page_size"));
    if (page == null || page < 1) {
      Replies.fieldErrors(rc, Map.of("page", "A valid integer is required."));
      return;
    }
    if (size == null || size < 1 || size > 1000) {
      Replies.fieldErrors(rc, Map.of("page_size", "Ensure this value is less than or equal to 1000."));
      return;
    }
    String org = rc.pathParam("org");
    String user = rc.pathParam("user");
    boolean revoked = "true".equalsIgnoreCase(q.get("include_revoked"));
    boolean expired = "true".equalsIgnoreCase(q.get("include_expired"));
    String course = q.get("course");
    Instant now = Instant.now();
    List<JsonObject> found = select(r -> {
      JsonObject a = r.json();
      JsonObject recipient = a.getJsonObject("recipient");
      return r.org().equals(org)
          && (user.equals(recipient.getString("identity")) || user.equals(recipient.getString("email")))
          && (revoked || !a.getBoolean("revoked"))
          && (expired || !isExpired(a.getString("expires"), now))
          && (course == null || course.equals(a.getJsonObject("course").getString("course_id")));
    });
    Replies.json(rc, 200, page(found, page, size, rc));
  }

  private synchronized void getAssertion(RoutingContext rc) {
    Row row = assertionIn(rc);
    if (row == null) {
      Replies.detail(rc, 404, "Not found.");
      return;
    }
    Replies.json(rc, 200, row.json());
  }

  private synchronized void updateAssertion(RoutingContext rc) {
    Row row = assertionIn(rc);
    if (row == null) {
      Replies.detail(rc, 404, "Not found.");
      return;
    }
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    Object revoked = body.getValue("revoked");
    Object reason = body.getValue("revocationReason");
    if (revoked != null && !(revoked instanceof Boolean)) {
      Replies.fieldErrors(rc, Map.of("revoked", "Must be a valid boolean."));
      return;
    }
    if (Boolean.TRUE.equals(revoked) && !(reason instanceof String s && !s.isBlank())) {
      Replies.fieldErrors(rc, Map.of("revocationReason", "This field is required when revoking."));
      return;
    }
    JsonObject assertion = row.json().copy();
    if (revoked != null) {
      assertion.put("revoked", revoked);
      assertion.put("revocationReason", Boolean.TRUE.equals(revoked) ? (String) reason : "");
    }
    assertions.put(assertion.getString("entityId"), new Row(row.org(), row.parent(), assertion));
    Replies.json(rc, 200, assertion);
  }

  private Row assertionIn(RoutingContext rc) {
    Row row = assertions.get(rc.pathParam("id"));
    return row != null && row.org().equals(rc.pathParam("org")) ? row : null;
  }

  private List<JsonObject> select(Predicate<Row> where) {
    List<JsonObject> found = new ArrayList<>();
    for (Row row : assertions.values()) {
      if (where.test(row)) {
        found.add(row.json().copy());
      }
    }
    return found;
  }

  /** The {@code PaginatedAssertionsResponse}: its links are strings, empty when there is no such page. */
  private static JsonObject page(List<JsonObject> rows, int page, int size, RoutingContext rc) {
    int pages = rows.isEmpty() ? 1 : (rows.size() + size - 1) / size;
    int from = Math.min(rows.size(), (page - 1) * size);
    int to = Math.min(rows.size(), from + size);
    String base = rc.request().absoluteURI().replaceAll("[?&]page=\\d+", "");
    String join = base.contains("?") ? "&" : "?";
    return new JsonObject()
        .put("next", page < pages ? base + join + "page=" + (page + 1) : "")
        .put("previous", page > 1 ? base + join + "page=" + (page - 1) : "")
        .put("count", rows.size())
        .put("num_pages", pages)
        .put("page_number", page)
        .put("max_page_size", 1000)
        .put("data", new JsonArray(new ArrayList<>(rows.subList(from, to))));
  }

  private static boolean isExpired(String expires, Instant now) {
    if (expires == null || expires.isBlank()) {
      return false;
    }
    try {
      return Instant.parse(expires).isBefore(now);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The contract's objects of strings: other values are written as text. */
  private static JsonObject strings(JsonObject in) {
    JsonObject out = new JsonObject();
    in.forEach(e -> {
      if (e.getValue() != null) {
        out.put(e.getKey(), String.valueOf(e.getValue()));
      }
    });
    return out;
  }

  private static String requiredText(JsonObject body, String field, Map<String, String> errors) {
    Object value = body.getValue(field);
    if (!(value instanceof String text) || text.isBlank()) {
      errors.put(field, value == null ? "This field is required." : "This field may not be blank.");
      return null;
    }
    return text;
  }

  private static Integer parseInt(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
