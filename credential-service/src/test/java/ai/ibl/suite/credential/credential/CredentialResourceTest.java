package ai.ibl.suite.credential.credential;

import static ai.ibl.suite.credential.Api.BASE;
import static ai.ibl.suite.credential.Api.credentialBody;
import static ai.ibl.suite.credential.Api.unique;
import static ai.ibl.suite.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Fault;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.suite.credential.Api;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@UpstreamSlate
class CredentialResourceTest {
  @InjectEmulator
  PlatformEmulator emulator;

  Api api;
  String issuer;

  @BeforeEach
  void cleanSlate() {
    Api.forgetReadModel();
    api = new Api(emulator);
    issuer = api.createIssuer();
    emulator.requests().clear();
  }

  @Test
  void seedBodyCreatesTheCredentialAndSendsTheManagerWhatItsContractRequires() {
    String id = api.as("tenant-admin").body(credentialBody(issuer, "Credential Name")).post(BASE)
        .then().statusCode(200)
        .body("entityId", notNullValue())
        .body("credential_id", notNullValue())
        .body("name", equalTo("Credential Name"))
        .body("description", equalTo("Credential Description"))
        .body("issuer", equalTo(issuer))
        .body("credentialType", equalTo("MICROCREDENTIAL"))
        .body("credential_type", equalTo("MICROCREDENTIAL"))
        .body("expires.duration", equalTo("months"))
        .body("expires.amount", equalTo(6))
        .body("courses", contains("course-v1:Org+Course+Run"))
        .body("html_template", equalTo("<h1>Credential Template</h1>"))
        .body("public", equalTo(false))
        .body("revoked", equalTo(false))
        .extract().path("entityId");

    var sent = emulator.requests().writesTo(Upstream.MANAGER);
    assertThat(sent).hasSize(1);
    JsonObject body = new JsonObject(sent.get(0).body());
    assertThat(body.getString("credential_id")).isEqualTo(id);
    assertThat(body.getString("credential_url")).isEqualTo("https://example.com/criteria");
    assertThat(body.getBoolean("revoked")).isFalse();

    api.as("learner").get(BASE + id)
        .then().statusCode(200)
        .body("entityId", equalTo(id))
        .body("thumbnailImage", equalTo("https://example.com/thumbnail.jpg"))
        .header("Cache-Status", notNullValue());
  }

  @Test
  void updateReplacesOnlyWhatIsSentAndDeleteRemoves() {
    String id = api.createCredential(issuer, unique("Data Science"));
    api.as("tenant-admin").body("{\"name\": \"Renamed\", \"expires\": {\"duration\": \"years\", \"amount\": 1}}").put(BASE + id)
        .then().statusCode(200)
        .body("name", equalTo("Renamed"))
        .body("expires.duration", equalTo("years"))
        .body("description", equalTo("Credential Description"));
    api.as("tenant-admin").get(BASE + id).then().statusCode(200).body("name", equalTo("Renamed"));
    api.as("tenant-admin").delete(BASE + id).then().statusCode(204);
    assertProblem(api.as("tenant-admin").get(BASE + id).then(), 404);
  }

  @Test
  void unknownIssuerIsTheManagersRefusalPassedThrough() {
    assertProblem(api.as("tenant-admin").body(credentialBody("no-such-issuer", "X")).post(BASE).then(), 400)
        .body("errors[0].field", equalTo("issuer"));
    api.as("tenant-admin").get(BASE).then().statusCode(200).body("result.count", equalTo(0));
  }

  @Test
  void listPaginatesInThePlatformEnvelope() {
    for (int i = 0; i < 3; i++) {
      api.createCredential(issuer, "Credential " + i);
    }
    api.as("learner").queryParam("page", 1).queryParam("page_size", 2).get(BASE)
        .then().statusCode(200)
        .body("status.success", equalTo(true))
        .body("result.count", equalTo(3))
        .body("result.num_pages", equalTo(2))
        .body("result.page_number", equalTo(1))
        .body("result.max_page_size", equalTo(100))
        .body("result.previous", nullValue())
        .body("result.next", containsString("page=2"))
        .body("result.data.name", contains("Credential 0", "Credential 1"));
    api.as("learner").queryParam("page", 2).queryParam("page_size", 2).get(BASE)
        .then().statusCode(200).body("result.data.name", contains("Credential 2")).body("result.next", nullValue());
    // Past the end: no data, the true count.
    api.as("learner").queryParam("page", 9).queryParam("page_size", 2).get(BASE)
        .then().statusCode(200).body("result.data", empty()).body("result.count", equalTo(3));
    // Default page size is 10.
    api.as("learner").get(BASE).then().statusCode(200).body("result.data.size()", equalTo(3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=0", "page=-1", "page_size=101", "page_size=0", "page=abc", "page_size=1.5"})
  void outOfRangePagingIs400(String query) {
    String[] kv = query.split("=");
    assertProblem(api.as("learner").queryParam(kv[0], kv[1]).get(BASE).then(), 400)
        .body("errors[0].field", equalTo(kv[0]));
  }

  @Test
  void searchMatchesNameOrDescriptionWordsAndFiltersByCourseAndProgram() {
    String python = api.createCredential(issuer, "Python Fundamentals");
    String other = api.as("tenant-admin").body("""
        {"issuer": "%s", "name": "Leadership", "description": "Managing data teams",
         "courses": ["course-v1:Org+Lead+2025"], "programs": ["program-7"]}
        """.formatted(issuer)).post(BASE).then().statusCode(200).extract().path("entityId");
    api.as("learner").queryParam("search", "pyth").get(BASE)
        .then().statusCode(200).body("result.count", equalTo(1)).body("result.data.entityId", contains(python));
    api.as("learner").queryParam("search", "DATA").get(BASE)
        .then().statusCode(200).body("result.data.entityId", contains(other));
    api.as("learner").queryParam("search", "credential description").get(BASE)
        .then().statusCode(200).body("result.data.entityId", contains(python));
    api.as("learner").queryParam("search", "nothing-like-it").get(BASE)
        .then().statusCode(200).body("result.count", equalTo(0));
    api.as("learner").queryParam("course", "course-v1:Org+Course+Run").get(BASE)
        .then().statusCode(200).body("result.data.entityId", contains(python));
    api.as("learner").queryParam("program", "program-7").get(BASE)
        .then().statusCode(200).body("result.data.entityId", contains(other));
  }

  @Test
  void platformOrgTakesPrecedenceAndIsAuthorised() {
    api.createCredential(issuer, "Main Credential");
    api.as("ibl-admin").queryParam("platform_org", "main").get("/api/credentials/orgs/other/users/ibl-admin/")
        .then().statusCode(200).body("result.count", equalTo(1));
    assertProblem(api.as("other-admin").queryParam("platform_org", "main")
        .get("/api/credentials/orgs/other/users/other-admin/").then(), 403);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ not json",
      "[]",
      "",
      "{\"name\": \"No issuer\"}",
      "{\"issuer\": \"i\"}",
      "{\"issuer\": \"i\", \"name\": 123}",
      "{\"issuer\": \"i\", \"name\": \"n\", \"public\": \"no\"}",
      "{\"issuer\": \"i\", \"name\": \"n\", \"tags\": \"t\"}",
      "{\"issuer\": \"i\", \"name\": \"n\", \"iconImage\": \"not a url\"}",
      "{\"issuer\": \"i\", \"name\": \"n\", \"expires\": {\"duration\": \"fortnights\", \"amount\": 6}}",
      "{\"issuer\": \"i\", \"name\": \"n\", \"expires\": {\"duration\": \"months\", \"amount\": \"6\"}}",
      "{\"issuer\": \"i\", \"name\": \"n\", \"expires\": {\"duration\": \"months\"}}",
      "{\"issuer\": \"i\", \"name\": \"n\", \"courses\": [1]}"
  })
  void badBodiesAreRefusedAndNothingIsSentUpstream(String body) {
    assertProblem(api.as("tenant-admin").body(body).post(BASE).then(), 400);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ not json",
      "[]",
      "{\"name\": \"\"}",
      "{\"name\": false}",
      "{\"criteriaUrl\": \"not a url\"}",
      "{\"expires\": {\"duration\": \"months\", \"amount\": 0}}",
      "{\"programs\": {\"a\": 1}}"
  })
  void badUpdatesAreRefusedAndNothingChanges(String body) {
    String id = api.createCredential(issuer, "Unchanged");
    emulator.requests().clear();
    assertProblem(api.as("tenant-admin").body(body).put(BASE + id).then(), 400);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
    api.as("tenant-admin").get(BASE + id).then().statusCode(200).body("name", equalTo("Unchanged"));
  }

  @Test
  void updatingOrDeletingAnUnknownCredentialIs404() {
    assertProblem(api.as("tenant-admin").body("{\"name\": \"x\"}").put(BASE + "no-such-credential").then(), 404);
    assertProblem(api.as("tenant-admin").delete(BASE + "no-such-credential").then(), 404);
  }

  @Test
  void wrongTypeNamesTheField() {
    api.as("tenant-admin").body("{\"issuer\": \"i\", \"name\": 123}").post(BASE)
        .then().statusCode(400).body("errors[0].field", equalTo("name"));
  }

  @Test
  void oversizedBodyIsRefused() {
    String huge = "{\"issuer\": \"i\", \"name\": \"n\", \"html_template\": \"" + "x".repeat(300_000) + "\"}";
    assertProblem(api.as("tenant-admin").body(huge).post(BASE).then(), 413);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void authMatrix() {
    String id = api.createCredential(issuer, "Guarded");
    emulator.requests().clear();
    String body = credentialBody(issuer, "X");
    assertProblem(given().contentType(ContentType.JSON).body(body).post(BASE).then(), 401);
    assertProblem(given().get(BASE + id).then(), 401);
    assertProblem(given().auth().oauth2(emulator.tokens().expiredTokenFor("tenant-admin")).get(BASE).then(), 401);
    assertProblem(given().auth().oauth2(emulator.tokens().badlySignedTokenFor("tenant-admin")).get(BASE).then(), 401);
    assertProblem(api.as("learner").body(body).post(BASE).then(), 403);
    assertProblem(api.as("learner").body("{\"name\": \"Mine\"}").put(BASE + id).then(), 403);
    assertProblem(api.as("learner").delete(BASE + id).then(), 403);
    assertProblem(api.as("other-admin").body(body).post(BASE).then(), 403);
    assertProblem(api.as("other-admin").get(BASE + id).then(), 403);
    assertProblem(api.as("other-learner").get(BASE).then(), 403);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
    // In its own org the credential does not exist.
    assertProblem(api.as("other-admin").get("/api/credentials/orgs/other/users/other-admin/" + id).then(), 404);
  }

  @Test
  void createWhileManagerIsDownAnswers503AndKeepsNothing() {
    emulator.fail(Upstream.MANAGER, Fault.down());
    assertProblem(api.as("tenant-admin").body(credentialBody(issuer, "Down")).post(BASE).then(), 503)
        .header("Retry-After", notNullValue());
    // Creates are never retried: one attempt reached the Manager.
    assertThat(emulator.requests().writesTo(Upstream.MANAGER)).hasSize(1);
    emulator.faults().clear();
    CircuitBreakerMaintenance.get().resetAll();
    api.as("tenant-admin").get(BASE).then().statusCode(200).body("result.count", equalTo(0));
  }

  @Test
  void writesWhenManagerFailsAnswer502AndWhenSlow504() {
    String id = api.createCredential(issuer, "Stable");
    emulator.fail(Upstream.MANAGER, Fault.status(500));
    assertProblem(api.as("tenant-admin").body(credentialBody(issuer, "Fails")).post(BASE).then(), 502)
        .header("Retry-After", notNullValue()).body(org.hamcrest.Matchers.not(containsString("<html>")));
    emulator.requests().clear();
    CircuitBreakerMaintenance.get().resetAll();
    assertProblem(api.as("tenant-admin").body("{\"name\": \"Not saved\"}").put(BASE + id).then(), 502);
    // Updates are idempotent, so retried (once in tests).
    assertThat(emulator.requests().writesTo(Upstream.MANAGER)).hasSize(2);
    emulator.fail(Upstream.MANAGER, Fault.latency(5_000));
    CircuitBreakerMaintenance.get().resetAll();
    assertProblem(api.as("tenant-admin").body(credentialBody(issuer, "Slow")).post(BASE).then(), 504)
        .header("Retry-After", notNullValue());
    emulator.faults().clear();
    CircuitBreakerMaintenance.get().resetAll();
    api.as("tenant-admin").get(BASE + id).then().statusCode(200).body("name", equalTo("Stable"));
    api.as("tenant-admin").get(BASE).then().statusCode(200).body("result.count", equalTo(1));
  }

  @Test
  void staleReadsWhenManagerIsDownAnd503WithNoCopy() {
    String id = api.createCredential(issuer, "Kept");
    api.as("learner").get(BASE).then().statusCode(200);
    emulator.fail(Upstream.MANAGER, Fault.down());
    api.as("learner").get(BASE + id)
        .then().statusCode(200).body("name", equalTo("Kept"))
        .header("Cache-Status", containsString("stale")).header("Age", notNullValue());
    api.as("learner").get(BASE)
        .then().statusCode(200).body("result.count", equalTo(1)).header("Cache-Status", containsString("stale"));
    CircuitBreakerMaintenance.get().resetAll();
    assertProblem(api.as("learner").get(BASE + "never-seen").then(), 503).header("Retry-After", notNullValue());
  }
}
