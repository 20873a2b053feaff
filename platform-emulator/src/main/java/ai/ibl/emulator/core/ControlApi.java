package ai.ibl.emulator.core;

import ai.ibl.emulator.oidc.TokenIssuer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;

/**
 * {@code /_emulator}: drives the emulator over HTTP when it runs standalone (the local run script,
 * manual fault drills). Tests in the same JVM use {@code PlatformEmulator}'s methods instead.
 *
 * <ul>
 *   <li>{@code GET /_emulator/health}
 *   <li>{@code GET /_emulator/token/{username}}: a signed token for a default user
 *   <li>{@code PUT /_emulator/faults/{upstream}} with {@code {"kind":"STATUS","status":503,"times":-1}}
 *   <li>{@code DELETE /_emulator/faults}
 *   <li>{@code GET /_emulator/requests}, {@code GET /_emulator/contract-violations}
 *   <li>{@code POST /_emulator/reset}
 * </ul>
 */
final class ControlApi {
  private final Faults faults;
  private final RequestLog requests;
  private final ContractCheck contract;
  private final TokenIssuer tokens;
  private final Runnable reset;

  ControlApi(Faults faults, RequestLog requests, ContractCheck contract, TokenIssuer tokens, Runnable reset) {
    this.faults = faults;
    this.requests = requests;
    this.contract = contract;
    this.tokens = tokens;
    this.reset = reset;
  }

  void mount(Router root) {
    root.get("/_emulator/health").handler(rc -> ok(rc, new JsonObject().put("status", "UP")));
    root.get("/_emulator/token/:username").handler(this::token);
    root.put("/_emulator/faults/:upstream").handler(BodyHandler.create().setBodyLimit(4096)).handler(this::fault);
    root.delete("/_emulator/faults").handler(rc -> {
      faults.clear();
      rc.response().setStatusCode(204).end();
    });
    root.get("/_emulator/requests").handler(rc -> ok(rc, requests.all()));
    root.get("/_emulator/contract-violations").handler(rc -> ok(rc, contract.violations()));
    root.post("/_emulator/reset").handler(rc -> {
      reset.run();
      rc.response().setStatusCode(204).end();
    });
  }

  private void token(RoutingContext rc) {
    String username = rc.pathParam("username");
    if (tokens.user(username).isEmpty()) {
      Gateway.problem(rc, 404, "No such user; the default users are "
          + tokens.users().stream().map(u -> u.username()).toList());
      return;
    }
    ok(rc, new JsonObject().put("access_token", tokens.tokenFor(username)).put("token_type", "Bearer"));
  }

  private void fault(RoutingContext rc) {
    Upstream upstream;
    Fault fault;
    try {
      upstream = Upstream.valueOf(rc.pathParam("upstream").toUpperCase(Locale.ROOT));
      JsonObject body = rc.body().asJsonObject();
      fault = new Fault(Fault.Kind.valueOf(body.getString("kind", "").toUpperCase(Locale.ROOT)),
          body.getInteger("status", 503), body.getLong("delayMillis", 0L), body.getInteger("times", -1));
    } catch (RuntimeException e) {
      Gateway.problem(rc, 400, "Expected /_emulator/faults/{manager|cms|lms|asgi} with "
          + "{\"kind\": \"DOWN|STATUS|LATENCY|RESET\", \"status\": 503, \"delayMillis\": 0, \"times\": -1}");
      return;
    }
    faults.set(upstream, fault);
    rc.response().setStatusCode(204).end();
  }

  private static void ok(RoutingContext rc, Object body) {
    rc.response().putHeader("Content-Type", "application/json").end(Json.encode(body));
  }
}
