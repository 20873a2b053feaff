package ai.ibl.emulator.core;

import ai.ibl.emulator.oidc.OidcProvider;
import ai.ibl.emulator.oidc.TokenIssuer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front of every emulated upstream: records each request, plays the configured fault, checks
 * the caller's upstream credentials as the real upstream would (Manager: {@code Api-Token};
 * CMS/LMS: an OAuth2 bearer token from the LMS), then hands over to the domain routes. Also
 * serves the control API under {@code /_emulator} for the local run.
 */
public final class Gateway {
  private static final long MAX_BODY = 10L * 1024 * 1024;

  private final Faults faults;
  private final RequestLog requests;
  private final ContractCheck contract;
  private final TokenIssuer tokens;
  private final String managerToken;

  public Gateway(Faults faults, RequestLog requests, ContractCheck contract, TokenIssuer tokens, String managerToken) {
    this.faults = faults;
    this.requests = requests;
    this.contract = contract;
    this.tokens = tokens;
    this.managerToken = managerToken;
  }

  public void mount(Router root, Runnable reset, EmulatorContext context, List<EmulatedDomain> domains,
      OidcProvider oidc) {
    new ControlApi(faults, requests, contract, tokens, reset).mount(root);
    for (Upstream upstream : Upstream.values()) {
      Router router = Router.router(context.vertx());
      if (upstream != Upstream.ASGI) {
        // WebSocket upgrades must not have their (empty) body consumed; the ASGI domain reads frames itself.
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
      }
      router.route().handler(rc -> front(rc, upstream));
      if (upstream == Upstream.LMS) {
        oidc.mount(router);
      }
      for (EmulatedDomain domain : domains) {
        if (domain.upstream() == upstream) {
          domain.mount(router, context);
        }
      }
      router.route().last().handler(rc -> Replies.detail(rc, 404, "Not found."));
      root.route(upstream.prefix() + "/*").subRouter(router);
    }
  }

  private void front(RoutingContext rc, Upstream upstream) {
    String body = upstream == Upstream.ASGI || rc.body() == null ? null : rc.body().asString();
    Map<String, String> headers = new LinkedHashMap<>();
    rc.request().headers().forEach(e -> headers.put(e.getKey(), e.getValue()));
    String path = rc.normalizedPath().substring(upstream.prefix().length());
    requests.add(new RecordedRequest(upstream, rc.request().method().name(), path, rc.request().query(), headers, body));
    rc.put(Replies.UPSTREAM, upstream);
    rc.put(Replies.BODY, body);
    rc.put(Replies.CONTRACT, contract);

    boolean identity = upstream == Upstream.LMS && path.startsWith(OidcProvider.PATH);
    Fault fault = identity ? null : faults.next(upstream);
    if (fault == null) {
      authorize(rc, upstream, path);
      return;
    }
    switch (fault.kind()) {
      case DOWN -> rc.request().connection().close();
      case STATUS -> rc.response().setStatusCode(fault.status()).putHeader("Content-Type", "text/html")
          .end("<html><body><h1>Server Error (" + fault.status() + ")</h1></body></html>");
      case LATENCY -> rc.vertx().setTimer(Math.max(1, fault.delayMillis()), t -> authorize(rc, upstream, path));
      case RESET -> {
        rc.response().setChunked(true).putHeader("Content-Type", "application/json").write("{\"partial\":");
        rc.request().connection().close();
      }
    }
  }

  private void authorize(RoutingContext rc, Upstream upstream, String path) {
    if (rc.response().closed()) {
      return;
    }
    String auth = rc.request().getHeader("Authorization");
    switch (upstream) {
      case MANAGER -> {
        if (auth == null || !auth.equals("Api-Token " + managerToken)) {
          Replies.detail(rc, 401, auth == null
              ? "Authentication credentials were not provided."
              : "Invalid token.");
          return;
        }
      }
      case CMS, LMS -> {
        if (!path.startsWith(OidcProvider.PATH)
            && (auth == null || !auth.startsWith("Bearer ") || tokens.verify(auth.substring(7)).isEmpty())) {
          Replies.detail(rc, 401, "Authentication credentials were not provided.");
          return;
        }
      }
      case ASGI -> {
        // The chat server authenticates each prompt frame's token itself.
      }
    }
    rc.next();
  }

  /** Answers {@code {"error": ...}} for the control API. */
  static void problem(RoutingContext rc, int status, String message) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }
}
