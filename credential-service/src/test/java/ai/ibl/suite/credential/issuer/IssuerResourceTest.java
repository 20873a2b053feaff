package ai.ibl.suite.credential.issuer;

import static ai.ibl.suite.credential.Api.ISSUERS;
import static ai.ibl.suite.credential.Api.issuerBody;
import static ai.ibl.suite.credential.Api.unique;
import static ai.ibl.suite.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Fault;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.suite.credential.Api;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@UpstreamSlate
class IssuerResourceTest {
  @InjectEmulator
  PlatformEmulator emulator;

  Api api;

  @BeforeEach
  void cleanSlate() {
    Api.forgetReadModel();
    api = new Api(emulator);
  }

  @Test
  void adminCreatesAnIssuerAndReadsItBackByIdAndByOrg() {
    String name = unique("Issuer");
    String id = api.as("tenant-admin").body(issuerBody(name)).post(ISSUERS)
        .then().statusCode(200)
        .body("name", equalTo(name))
        .body("org", equalTo("main"))
        .body("email", equalTo("badges@example.com"))
        .body("iconImage", equalTo("https://example.com/issuer.png"))
        .extract().path("entityId");
    var sent = emulator.requests().writesTo(Upstream.MANAGER);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).header("Authorization")).isEqualTo("Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN);

    api.as("learner").get(ISSUERS + id)
        .then().statusCode(200).body("entityId", equalTo(id)).body("name", equalTo(name))
        .header("Cache-Status", notNullValue());
    // The seed's "Get Issuer from Organization": issuers/{org}.
    api.as("ibl-admin").get(ISSUERS + "main")
        .then().statusCode(200).body("entityId", equalTo(id)).body("org", equalTo("main"));
  }

  @Test
  void listIsTheOrgsIssuersInThePlatformEnvelope() {
    String first = api.createIssuer();
    String second = api.createIssuer();
    api.as("tenant-admin").queryParam("page_size", 1).get(ISSUERS)
        .then().statusCode(200)
        .body("status.success", equalTo(true))
        .body("result.count", equalTo(2))
        .body("result.num_pages", equalTo(2))
        .body("result.page_number", equalTo(1))
        .body("result.max_page_size", equalTo(100))
        .body("result.next", containsString("page=2"))
        .body("result.data.size()", equalTo(1));
    api.as("tenant-admin").get(ISSUERS)
        .then().statusCode(200).body("result.data.entityId", hasItem(first)).body("result.data.entityId", hasItem(second));
    api.as("other-admin").get("/api/credentials/orgs/other/users/other-admin/issuers/")
        .then().statusCode(200).body("result.count", equalTo(0));
  }

  @Test
  void updateChangesOnlyTheFieldsSentAndDeleteRemoves() {
    String id = api.createIssuer();
    api.as("tenant-admin").body("{\"url\": \"https://new.example.com\"}").put(ISSUERS + id)
        .then().statusCode(200)
        .body("url", equalTo("https://new.example.com"))
        .body("email", equalTo("badges@example.com"))
        .body("iconImage", equalTo("https://example.com/issuer.png"));
    api.as("tenant-admin").delete(ISSUERS + id).then().statusCode(204);
    assertProblem(api.as("tenant-admin").get(ISSUERS + id).then(), 404);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ not json",
      "[]",
      "",
      "{\"iconImage\": \"https://example.com/i.png\"}",
      "{\"name\": 123}",
      "{\"name\": \"\"}",
      "{\"name\": \"ok\", \"email\": \"not-an-email\"}",
      "{\"name\": \"ok\", \"url\": \"not a url\"}",
      "{\"name\": \"ok\", \"allowed_template_tags\": \"x\"}"
  })
  void badBodiesAreRefusedAndNothingIsSentUpstream(String body) {
    assertProblem(api.as("tenant-admin").body(body).post(ISSUERS).then(), 400);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{ not json", "{\"email\": \"nope\"}", "{\"name\": \"\"}", "{\"url\": 5}"})
  void badUpdatesAreRefusedAndNothingChanges(String body) {
    String id = api.createIssuer();
    emulator.requests().clear();
    assertProblem(api.as("tenant-admin").body(body).put(ISSUERS + id).then(), 400);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
    api.as("tenant-admin").get(ISSUERS + id).then().statusCode(200).body("email", equalTo("badges@example.com"));
  }

  @Test
  void onlyAdminsOfTheOrgUpdateOrDelete() {
    String id = api.createIssuer();
    emulator.requests().clear();
    assertProblem(api.as("learner").body("{\"url\": \"https://x.example.com\"}").put(ISSUERS + id).then(), 403);
    assertProblem(api.as("learner").delete(ISSUERS + id).then(), 403);
    assertProblem(api.as("other-admin").delete(ISSUERS + id).then(), 403);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void oversizedBodyIsRefused() {
    assertProblem(api.as("tenant-admin").body("{\"name\": \"" + "x".repeat(300_000) + "\"}").post(ISSUERS).then(), 413);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void authMatrix() {
    String body = issuerBody(unique("Issuer"));
    assertProblem(given().contentType(ContentType.JSON).body(body).post(ISSUERS).then(), 401)
        .header("WWW-Authenticate", containsString("Bearer"));
    assertProblem(given().auth().oauth2(emulator.tokens().expiredTokenFor("tenant-admin")).contentType(ContentType.JSON)
        .body(body).post(ISSUERS).then(), 401);
    assertProblem(given().auth().oauth2(emulator.tokens().badlySignedTokenFor("ibl-admin")).contentType(ContentType.JSON)
        .body(body).post(ISSUERS).then(), 401);
    assertProblem(api.as("learner").body(body).post(ISSUERS).then(), 403);
    assertProblem(api.as("other-admin").body(body).post(ISSUERS).then(), 403);
    assertProblem(api.as("other-admin").get(ISSUERS).then(), 403);
    assertProblem(api.as("other-learner").get(ISSUERS + "main").then(), 403);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void createWhileManagerIsDownAnswers503AndKeepsNothing() {
    emulator.fail(Upstream.MANAGER, Fault.down());
    assertProblem(api.as("tenant-admin").body(issuerBody(unique("Issuer"))).post(ISSUERS).then(), 503)
        .header("Retry-After", notNullValue());
    emulator.faults().clear();
    CircuitBreakerMaintenance.get().resetAll();
    api.as("tenant-admin").get(ISSUERS).then().statusCode(200).body("result.count", equalTo(0));
  }

  @Test
  void createWhenManagerFailsAnswers502AndWhenSlow504() {
    emulator.fail(Upstream.MANAGER, Fault.status(500));
    assertProblem(api.as("tenant-admin").body(issuerBody(unique("Issuer"))).post(ISSUERS).then(), 502)
        .header("Retry-After", notNullValue()).body(org.hamcrest.Matchers.not(containsString("<html>")));
    emulator.fail(Upstream.MANAGER, Fault.latency(5_000));
    assertProblem(api.as("tenant-admin").body(issuerBody(unique("Issuer"))).post(ISSUERS).then(), 504);
    emulator.faults().clear();
    CircuitBreakerMaintenance.get().resetAll();
    api.as("tenant-admin").get(ISSUERS).then().statusCode(200).body("result.count", equalTo(0));
  }

  @Test
  void staleIssuerWhenManagerIsDown() {
    String id = api.createIssuer();
    api.as("learner").get(ISSUERS).then().statusCode(200);
    emulator.fail(Upstream.MANAGER, Fault.down());
    api.as("learner").get(ISSUERS + id)
        .then().statusCode(200).body("entityId", equalTo(id))
        .header("Cache-Status", containsString("stale")).header("Age", notNullValue());
    api.as("learner").get(ISSUERS)
        .then().statusCode(200).body("result.data.entityId", hasItem(id))
        .header("Cache-Status", containsString("stale"));
  }

  @Test
  void listNeverConfirmedWhileManagerIsDownAnswers503() {
    api.createIssuer();
    emulator.fail(Upstream.MANAGER, Fault.down());
    assertProblem(api.as("learner").get(ISSUERS).then(), 503).header("Retry-After", notNullValue());
  }
}
