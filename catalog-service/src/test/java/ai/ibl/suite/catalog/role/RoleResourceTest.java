package ai.ibl.suite.catalog.role;

import static ai.ibl.suite.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Fault;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@UpstreamSlate
class RoleResourceTest {
  private static final String ROLES = "/api/catalog/roles/";

  @InjectEmulator
  PlatformEmulator emulator;

  private String token(String user) {
    return emulator.tokens().tokenFor(user);
  }

  private static String seedBody(String slug) {
    return """
        { "name": "Role Name %s", "slug": "%s", "data": { "additional": "data" } }
        """.formatted(slug, slug);
  }

  private static String uniqueSlug() {
    return "role-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void seedExampleCreatesTheRoleUpstreamAndServesItBack() {
    String slug = uniqueSlug();
    int id = given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedBody(slug))
        .when().post(ROLES)
        .then().statusCode(200)
        .body("slug", equalTo(slug))
        .body("name", equalTo("Role Name " + slug))
        .body("platform_key", equalTo("main"))
        .body("data.additional", equalTo("data"))
        .extract().path("id");

    var sent = emulator.requests().writesTo(Upstream.MANAGER);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).header("Authorization")).isEqualTo("Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN);

    given().auth().oauth2(token("learner")).queryParam("slug", slug)
        .when().get(ROLES)
        .then().statusCode(200)
        .body("id", equalTo(id))
        .body("name", equalTo("Role Name " + slug))
        .header("Cache-Status", notNullValue());
  }

  @Test
  void postingTheSameSlugUpdatesTheRole() {
    String slug = uniqueSlug();
    String admin = token("tenant-admin");
    int first = given().auth().oauth2(admin).contentType(ContentType.JSON).body(seedBody(slug))
        .post(ROLES).then().statusCode(200).extract().path("id");
    given().auth().oauth2(admin).contentType(ContentType.JSON)
        .body("{\"name\": \"Renamed\", \"slug\": \"" + slug + "\"}")
        .post(ROLES).then().statusCode(200).body("id", equalTo(first)).body("name", equalTo("Renamed"));
    given().auth().oauth2(admin).queryParam("id", first).get(ROLES)
        .then().statusCode(200).body("name", equalTo("Renamed"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ not json",
      "[]",
      "{\"slug\": \"no-name\"}",
      "{\"name\": 123}",
      "{\"name\": \"ok\", \"slug\": \"has spaces\"}",
      "{\"name\": \"ok\", \"id\": \"seven\"}",
      "{\"name\": \"\"}",
      ""
  })
  void badBodiesAreRefusedAndNothingIsSentUpstream(String body) {
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(body)
        .when().post(ROLES).then(), 400);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void wrongTypeNamesTheField() {
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body("{\"name\": 123}")
        .when().post(ROLES)
        .then().statusCode(400).body("errors[0].field", equalTo("name"));
  }

  @Test
  void oversizedBodyIsRefused() {
    String huge = "{\"name\": \"" + "x".repeat(300_000) + "\"}";
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(huge)
        .when().post(ROLES).then(), 413);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void noTokenIs401() {
    assertProblem(given().contentType(ContentType.JSON).body(seedBody(uniqueSlug()))
        .when().post(ROLES).then(), 401).header("WWW-Authenticate", containsString("Bearer"));
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void expiredTokenIs401() {
    assertProblem(given().auth().oauth2(emulator.tokens().expiredTokenFor("tenant-admin"))
        .contentType(ContentType.JSON).body(seedBody(uniqueSlug())).when().post(ROLES).then(), 401);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void badlySignedTokenIs401() {
    assertProblem(given().auth().oauth2(emulator.tokens().badlySignedTokenFor("ibl-admin"))
        .contentType(ContentType.JSON).body(seedBody(uniqueSlug())).when().post(ROLES).then(), 401);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void learnerCannotWriteRoles() {
    assertProblem(given().auth().oauth2(token("learner")).contentType(ContentType.JSON).body(seedBody(uniqueSlug()))
        .when().post(ROLES).then(), 403);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void anotherTenantsAdminCannotWriteOrReadHere() {
    String slug = uniqueSlug();
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedBody(slug))
        .post(ROLES).then().statusCode(200);
    emulator.requests().clear();

    String body = "{\"name\": \"Intruder\", \"slug\": \"" + slug + "\", \"platform_key\": \"main\"}";
    assertProblem(given().auth().oauth2(token("other-admin")).contentType(ContentType.JSON).body(body)
        .when().post(ROLES).then(), 403);
    assertProblem(given().auth().oauth2(token("other-admin")).queryParam("slug", slug).queryParam("platform_key", "main")
        .when().get(ROLES).then(), 403);
    // In its own tenant the slug does not exist.
    assertProblem(given().auth().oauth2(token("other-admin")).queryParam("slug", slug)
        .when().get(ROLES).then(), 404);
    assertThat(emulator.requests().writesTo(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void writeWhileManagerIsDownAnswers503AndStoresNothing() {
    String slug = uniqueSlug();
    emulator.fail(Upstream.MANAGER, Fault.down());
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedBody(slug))
        .when().post(ROLES).then(), 503).header("Retry-After", notNullValue());
    emulator.faults().clear();
    // Nothing was kept locally: the read goes upstream, where the role does not exist either.
    assertProblem(given().auth().oauth2(token("tenant-admin")).queryParam("slug", slug)
        .when().get(ROLES).then(), 404);
  }

  @Test
  void writeWhenManagerFailsAnswers502() {
    emulator.fail(Upstream.MANAGER, Fault.status(500));
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedBody(uniqueSlug()))
        .when().post(ROLES).then(), 502).header("Retry-After", notNullValue())
        .body(org.hamcrest.Matchers.not(containsString("<html>")));
  }

  @Test
  void writeWhenManagerIsSlowAnswers504() {
    emulator.fail(Upstream.MANAGER, Fault.latency(5_000));
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedBody(uniqueSlug()))
        .when().post(ROLES).then(), 504).header("Retry-After", notNullValue());
  }

  @Test
  void staleReadWhenManagerIsDown() {
    String slug = uniqueSlug();
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedBody(slug))
        .post(ROLES).then().statusCode(200);
    emulator.fail(Upstream.MANAGER, Fault.down());
    given().auth().oauth2(token("learner")).queryParam("slug", slug)
        .when().get(ROLES)
        .then().statusCode(200)
        .body("slug", equalTo(slug))
        .header("Cache-Status", containsString("stale"))
        .header("Age", notNullValue());
  }

  @Test
  void readWithNoCopyWhileManagerIsDownAnswers503() {
    emulator.fail(Upstream.MANAGER, Fault.status(503));
    assertProblem(given().auth().oauth2(token("learner")).queryParam("slug", uniqueSlug())
        .when().get(ROLES).then(), 502).header("Retry-After", notNullValue());
    emulator.fail(Upstream.MANAGER, Fault.down());
    CircuitBreakerMaintenance.get().resetAll();
    assertProblem(given().auth().oauth2(token("learner")).queryParam("slug", uniqueSlug())
        .when().get(ROLES).then(), 503).header("Retry-After", notNullValue());
  }

  @Test
  void recoversByItselfWhenManagerIsBack() throws InterruptedException {
    String slug = uniqueSlug();
    emulator.fail(Upstream.MANAGER, Fault.down());
    for (int i = 0; i < 4; i++) {
      given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedBody(slug)).post(ROLES);
    }
    // The breaker is open now: calls fail fast without reaching the Manager.
    emulator.faults().clear();
    emulator.requests().clear();
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedBody(slug))
        .when().post(ROLES).then(), 503);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
    Thread.sleep(2_300); // past %test breaker-delay (2S)
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedBody(slug))
        .when().post(ROLES).then().statusCode(200).body("slug", equalTo(slug));
  }
}
