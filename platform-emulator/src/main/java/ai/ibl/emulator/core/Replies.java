package ai.ibl.emulator.core;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every emulated endpoint answers. Manager answers pass through the {@link ContractCheck}
 * together with the request that caused them, so each interaction is validated against the
 * Manager's OpenAPI description.
 */
public final class Replies {
  static final String CONTRACT = "emulator.contract";
  static final String UPSTREAM = "emulator.upstream";
  static final String BODY = "emulator.body";

  private Replies() {}

  /** Answers {@code body} (a Vert.x JSON value, a Map/List or a record) as JSON. */
  public static void json(RoutingContext rc, int status, Object body) {
    raw(rc, status, body == null ? null : body instanceof String s ? s : Json.encode(body));
  }

  /** Answers an error the way Django REST framework does: {@code {"detail": "..."}}. */
  public static void detail(RoutingContext rc, int status, String detail) {
    json(rc, status, Map.of("detail", detail));
  }

  /** Answers 400 with per-field messages, as Django REST framework's serializers do. */
  public static void fieldErrors(RoutingContext rc, Map<String, String> errors) {
    Map<String, List<String>> body = new LinkedHashMap<>();
    errors.forEach((field, message) -> body.put(field, List.of(message)));
    json(rc, 400, body);
  }

  public static void noContent(RoutingContext rc) {
    raw(rc, 204, null);
  }

  public static void raw(RoutingContext rc, int status, String body) {
    check(rc, status, body);
    var response = rc.response().setStatusCode(status);
    if (body == null) {
      response.end();
    } else {
      response.putHeader("Content-Type", "application/json").end(body);
    }
  }

  private static void check(RoutingContext rc, int status, String body) {
    ContractCheck contract = rc.get(CONTRACT);
    if (contract == null || rc.get(UPSTREAM) != Upstream.MANAGER) {
      return;
    }
    String path = rc.normalizedPath().substring(Upstream.MANAGER.prefix().length());
    Map<String, List<String>> query = new LinkedHashMap<>();
    rc.queryParams().forEach(e -> query.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<String, String> headers = new LinkedHashMap<>();
    rc.request().headers().forEach(e -> headers.put(e.getKey(), e.getValue()));
    contract.check(rc.request().method().name(), path, query, headers, rc.get(BODY), status, body);
  }
}
