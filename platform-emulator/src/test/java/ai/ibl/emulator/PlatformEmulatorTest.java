package ai.ibl.emulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.ibl.emulator.core.Fault;
import ai.ibl.emulator.core.Upstream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator as the services see it: identity provider, Manager auth, state, faults, contract check. */
class PlatformEmulatorTest {
  private static PlatformEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = PlatformEmulator.start(0);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.reset();
  }

  private static String manager(String path) {
    return emulator.url(Upstream.MANAGER) + path;
  }

  @Test
  void publishesOpenIdDiscoveryAndKeys() {
    given().get(emulator.oidcIssuer() + "/.well-known/openid-configuration")
        .then().statusCode(200)
        .body("issuer", equalTo(emulator.oidcIssuer()))
        .body("jwks_uri", equalTo(emulator.oidcIssuer() + "/jwks"))
        .body("grant_types_supported", hasItem("client_credentials"));
    given().get(emulator.oidcIssuer() + "/jwks").then().statusCode(200).body("keys[0].kty", equalTo("RSA"));
  }

  @Test
  void issuesSignedTokensForThePasswordAndClientCredentialsGrants() {
    String token = given().formParam("grant_type", "password").formParam("username", "tenant-admin")
        .formParam("password", "tenant-admin")
        .post(emulator.oidcIssuer() + "/token").then().statusCode(200).extract().path("access_token");
    var claims = emulator.tokens().verify(token).orElseThrow();
    assertEquals("main", claims.getClaimValue("tenant"));
    given().formParam("grant_type", "client_credentials").formParam("client_id", PlatformEmulator.DEFAULT_CLIENT_ID)
        .formParam("client_secret", PlatformEmulator.DEFAULT_CLIENT_SECRET)
        .post(emulator.oidcIssuer() + "/token").then().statusCode(200).body("access_token", notNullValue());
    given().formParam("grant_type", "password").formParam("username", "learner").formParam("password", "wrong")
        .post(emulator.oidcIssuer() + "/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
  }

  @Test
  void badTokensDoNotVerify() {
    assertTrue(emulator.tokens().verify(emulator.tokens().expiredTokenFor("learner")).isEmpty());
    assertTrue(emulator.tokens().verify(emulator.tokens().badlySignedTokenFor("learner")).isEmpty());
  }

  @Test
  void managerRequiresItsApiToken() {
    given().contentType("application/json").body("{\"name\": \"x\"}").post(manager("/api/catalog/roles/"))
        .then().statusCode(401);
    given().header("Authorization", "Api-Token nope").contentType("application/json").body("{\"name\": \"x\"}")
        .post(manager("/api/catalog/roles/")).then().statusCode(401);
  }

  @Test
  void whatIsCreatedCanBeReadBackAndTheAnswersKeepTheContract() {
    String auth = "Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN;
    int id = given().header("Authorization", auth).contentType("application/json")
        .body("{\"name\": \"Role Name\", \"slug\": \"role-slug\", \"data\": {\"additional\": \"data\"}}")
        .post(manager("/api/catalog/roles/")).then().statusCode(200).extract().path("id");
    given().header("Authorization", auth).queryParam("slug", "role-slug").get(manager("/api/catalog/roles/"))
        .then().statusCode(200).body("id", equalTo(id)).body("data.additional", equalTo("data"));
    assertEquals(java.util.List.of(), emulator.contract().violations());
  }

  @Test
  void contractCheckFlagsARequestTheManagerWouldRefuse() {
    String auth = "Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN;
    given().header("Authorization", auth).contentType("application/json").body("{\"slug\": \"no-name\"}")
        .post(manager("/api/catalog/roles/"));
    assertFalse(emulator.contract().violations().isEmpty(), "a body without the required name must be flagged");
  }

  @Test
  void playsFaults() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest get = HttpRequest.newBuilder(URI.create(manager("/api/catalog/roles/?slug=x")))
        .header("Authorization", "Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN).build();

    emulator.fail(Upstream.MANAGER, Fault.status(503).times(1));
    assertEquals(503, http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(404, http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode(), "the fault was for one call");

    emulator.fail(Upstream.MANAGER, Fault.down());
    assertThrows(IOException.class, () -> http.send(get, HttpResponse.BodyHandlers.ofString()));
    emulator.fail(Upstream.MANAGER, Fault.reset());
    assertThrows(IOException.class, () -> http.send(get, HttpResponse.BodyHandlers.ofString()));

    emulator.fail(Upstream.MANAGER, Fault.latency(300));
    long started = System.nanoTime();
    http.send(get, HttpResponse.BodyHandlers.ofString());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300);
    emulator.faults().clear();
  }

  @Test
  void controlApiSetsFaultsAndHandsOutTokens() {
    given().get(emulator.baseUrl() + "/_emulator/token/learner").then().statusCode(200).body("access_token", notNullValue());
    given().contentType("application/json").body("{\"kind\": \"STATUS\", \"status\": 502}")
        .put(emulator.baseUrl() + "/_emulator/faults/manager").then().statusCode(204);
    given().header("Authorization", "Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN)
        .get(manager("/api/catalog/roles/?slug=x")).then().statusCode(502);
    given().delete(emulator.baseUrl() + "/_emulator/faults").then().statusCode(204);
    given().contentType("application/json").body("{\"kind\": \"EXPLODE\"}")
        .put(emulator.baseUrl() + "/_emulator/faults/manager").then().statusCode(400);
  }
}
