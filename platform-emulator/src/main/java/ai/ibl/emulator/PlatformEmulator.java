package ai.ibl.emulator;

import ai.ibl.emulator.core.ContractCheck;
import ai.ibl.emulator.core.EmulatedDomain;
import ai.ibl.emulator.core.EmulatorContext;
import ai.ibl.emulator.core.Fault;
import ai.ibl.emulator.core.Faults;
import ai.ibl.emulator.core.Gateway;
import ai.ibl.emulator.core.RequestLog;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.emulator.oidc.EmulatedUser;
import ai.ibl.emulator.oidc.OidcProvider;
import ai.ibl.emulator.oidc.TokenIssuer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stateful stand-in for the platform's Manager, CMS, LMS (with its OpenID provider) and ASGI
 * chat server, on one port, each under its own prefix (see {@link Upstream}). Start it from a test
 * with {@code PlatformEmulator.start(0)} (a random port) or from the command line with
 * {@link EmulatorMain}. Never for production.
 */
public final class PlatformEmulator implements AutoCloseable {
  /** The Manager API key services must send ({@code Authorization: Api-Token ...}). */
  public static final String DEFAULT_MANAGER_TOKEN = "emulator-manager-token";
  /** The OAuth2 client services use for the CMS and LMS (client-credentials grant). */
  public static final String DEFAULT_CLIENT_ID = "ibl-suite";
  public static final String DEFAULT_CLIENT_SECRET = "ibl-suite-secret";

  private final Vertx vertx;
  private final HttpServer server;
  private final int port;
  private final Faults faults;
  private final RequestLog requests;
  private final ContractCheck contract;
  private final TokenIssuer tokens;
  private final List<EmulatedDomain> domains;

  private PlatformEmulator(Vertx vertx, HttpServer server, Faults faults, RequestLog requests,
      ContractCheck contract, TokenIssuer tokens, List<EmulatedDomain> domains) {
    this.vertx = vertx;
    this.server = server;
    this.port = server.actualPort();
    this.faults = faults;
    this.requests = requests;
    this.contract = contract;
    this.tokens = tokens;
    this.domains = domains;
  }

  /** Starts on {@code port} (0 for a random free one) on the loopback interface. */
  public static PlatformEmulator start(int port) {
    return start("127.0.0.1", port, null);
  }

  /**
   * @param publicBaseUrl the base URL clients use to reach the emulator (it names the token
   *     issuer); null for {@code http://localhost:<port>}
   */
  public static PlatformEmulator start(String host, int port, String publicBaseUrl) {
    Vertx vertx = Vertx.vertx();
    try {
      HttpServer server = vertx.createHttpServer(new HttpServerOptions()
          .setHost(host).setPort(port).setTcpNoDelay(true).setMaxWebSocketFrameSize(1024 * 1024));
      // The port is known only after listening, and the issuer URL needs it: bind first, route after.
      Router root = Router.router(vertx);
      server.requestHandler(root);
      server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      String base = publicBaseUrl != null ? publicBaseUrl : "http://localhost:" + server.actualPort();
      TokenIssuer tokens = new TokenIssuer(base + Upstream.LMS.prefix() + OidcProvider.PATH, EmulatedUser.defaults());
      Faults faults = new Faults();
      RequestLog requests = new RequestLog();
      ContractCheck contract = new ContractCheck();
      List<EmulatedDomain> domains = Domains.all();
      Gateway gateway = new Gateway(faults, requests, contract, tokens, DEFAULT_MANAGER_TOKEN);
      EmulatorContext context = new EmulatorContext(vertx, tokens, faults);
      PlatformEmulator emulator =
          new PlatformEmulator(vertx, server, faults, requests, contract, tokens, domains);
      gateway.mount(root, emulator::reset, context, domains,
          new OidcProvider(tokens, Map.of(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET)));
      return emulator;
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("The platform emulator could not start on port " + port, e);
    }
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** The base URL of one upstream, as a service's configuration names it. */
  public String url(Upstream upstream) {
    return baseUrl() + upstream.prefix();
  }

  /** The OpenID Connect issuer (Quarkus OIDC's {@code auth-server-url}). */
  public String oidcIssuer() {
    return tokens.issuer();
  }

  public Faults faults() {
    return faults;
  }

  /** Plays {@code fault} on every request to {@code upstream} until cleared. */
  public PlatformEmulator fail(Upstream upstream, Fault fault) {
    faults.set(upstream, fault);
    return this;
  }

  public RequestLog requests() {
    return requests;
  }

  public ContractCheck contract() {
    return contract;
  }

  public TokenIssuer tokens() {
    return tokens;
  }

  /** One emulated slice, to steer it from a test (the ASGI chat server) or change upstream state as another client would. */
  public <T extends EmulatedDomain> T domain(Class<T> type) {
    return domains.stream().filter(type::isInstance).map(type::cast).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No emulated domain " + type.getSimpleName()));
  }

  /** Forgets all state, faults, recorded requests and contract violations. */
  public void reset() {
    faults.clear();
    requests.clear();
    contract.clear();
    domains.forEach(EmulatedDomain::reset);
  }

  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Closing anyway.
    } finally {
      vertx.close();
    }
  }
}
