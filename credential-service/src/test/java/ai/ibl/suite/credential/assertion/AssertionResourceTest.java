package ai.ibl.suite.credential.assertion;

import static ai.ibl.suite.credential.Api.BASE;
import static ai.ibl.suite.credential.Api.issueBody;
import static ai.ibl.suite.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Fault;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.suite.credential.Api;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@UpstreamSlate
class AssertionResourceTest {
  private static final String BATCH = """
      {
        "recipients": [
          {"email": "ada@example.com", "identity": "ada"},
          {"email": "not-an-email", "identity": "bad"},
          {"email": "grace@example.com", "identity": "grace"},
          {"identity": "no-email"},
          "just a string",
          {"email": "linus@example.com"}
        ],
        "course": "course-v1:Org+Course+Run",
        "metadata": {"cohort": "2025"}
      }
      """;

  @InjectEmulator
  PlatformEmulator emulator;

  Api api;
  String credential;

  @BeforeEach
  void cleanSlate() {
    Api.forgetReadModel();
    api = new Api(emulator);
    credential = api.createCredential(api.createIssuer(), Api.unique("Credential"));
    emulator.requests().clear();
  }

  private String assertions() {
    return BASE + credential + "/assertions/";
  }

  @Test
  void seedBodyIssuesTheCredentialWithItsExpiry() {
    String id = api.as("tenant-admin").body(issueBody("learner@example.com", "learner")).post(assertions())
        .then().statusCode(200)
        .body("entityId", notNullValue())
        .body("recipient.email", equalTo("learner@example.com"))
        .body("recipient.identity", equalTo("learner"))
        .body("course.course_id", equalTo("course-v1:Org+Course+Run"))
        .body("credentialDetails.entityId", equalTo(credential))
        .body("revoked", equalTo(false))
        .body("issuedOn", notNullValue())
        .extract().path("entityId");
    JsonObject sent = new JsonObject(emulator.requests().writesTo(Upstream.MANAGER).get(0).body());
    // The credential expires 6 months after issue: the Manager is told when.
    assertThat(sent.getString("expires")).isNotBlank();
    assertThat(java.time.Instant.parse(sent.getString("expires")))
        .isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(170)));

    // The learner lists their own assertions; the admin lists the credential's.
    api.as("learner").get(BASE.replace("ibl-admin", "learner") + "assertions/")
        .then().statusCode(200)
        .body("count", equalTo(1)).body("data.entityId", contains(id)).body("max_page_size", equalTo(100));
    api.as("tenant-admin").get(assertions())
        .then().statusCode(200).body("count", equalTo(1)).body("data[0].entityId", equalTo(id));
    api.as("learner").get(BASE.replace("ibl-admin", "learner") + "assertions/" + id)
        .then().statusCode(200).body("entityId", equalTo(id));
  }

  @Test
  void issuingAnUnknownCredentialIs404AndKeepsNothing() {
    assertProblem(api.as("tenant-admin").body(issueBody("a@example.com", "a")).post(BASE + "no-such/assertions/").then(), 404);
    assertThat(emulator.requests().writesTo(Upstream.MANAGER)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ not json",
      "[]",
      "",
      "{}",
      "{\"recipient\": {\"identity\": \"x\"}}",
      "{\"recipient\": {\"email\": \"not-an-email\"}}",
      "{\"recipient\": \"a@example.com\"}",
      "{\"recipient\": {\"email\": 5}}",
      "{\"recipient\": {\"email\": \"a@example.com\"}, \"course\": 7}"
  })
  void badIssueBodiesAreRefusedAndNothingIsSentUpstream(String body) {
    assertProblem(api.as("tenant-admin").body(body).post(assertions()).then(), 400);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void oversizedBodyIsRefused() {
    String huge = "{\"recipient\": {\"email\": \"a@example.com\"}, \"metadata\": {\"x\": \"" + "x".repeat(300_000) + "\"}}";
    assertProblem(api.as("tenant-admin").body(huge).post(assertions()).then(), 413);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void revokeNeedsAReasonAndIsShownOnlyWhenAsked() {
    String id = api.issue(credential, "learner@example.com", "learner");
    String one = BASE + "assertions/" + id;
    assertProblem(api.as("tenant-admin").body("{\"revoked\": true}").put(one).then(), 400)
        .body("errors[0].field", equalTo("revocationReason"));
    assertProblem(api.as("tenant-admin").body("{\"revoked\": \"yes\"}").put(one).then(), 400);
    assertProblem(api.as("learner").body("{\"revoked\": true, \"revocationReason\": \"mine\"}").put(one).then(), 403);
    api.as("tenant-admin").body("{\"revoked\": true, \"revocationReason\": \"Issued in error\"}").put(one)
        .then().statusCode(200).body("revoked", equalTo(true)).body("revocationReason", equalTo("Issued in error"));
    String mine = BASE.replace("ibl-admin", "learner") + "assertions/";
    api.as("learner").get(mine).then().statusCode(200).body("count", equalTo(0));
    api.as("learner").queryParam("include_revoked", true).get(mine)
        .then().statusCode(200).body("count", equalTo(1)).body("data[0].revocationReason", equalTo("Issued in error"));
  }

  @Test
  void revokeWhileManagerIsDownChangesNothing() {
    String id = api.issue(credential, "learner@example.com", "learner");
    emulator.fail(Upstream.MANAGER, Fault.down());
    assertProblem(api.as("tenant-admin").body("{\"revoked\": true, \"revocationReason\": \"x\"}")
        .put(BASE + "assertions/" + id).then(), 503).header("Retry-After", notNullValue());
    emulator.faults().clear();
    CircuitBreakerMaintenance.get().resetAll();
    api.as("learner").get(BASE.replace("ibl-admin", "learner") + "assertions/")
        .then().statusCode(200).body("count", equalTo(1)).body("data[0].revoked", equalTo(false));
  }

  @Test
  void issueWhenManagerFailsOrIsSlowIsNotRetriedAndKeepsNothing() {
    emulator.fail(Upstream.MANAGER, Fault.status(502));
    assertProblem(api.as("tenant-admin").body(issueBody("a@example.com", "a")).post(assertions()).then(), 502);
    assertThat(emulator.requests().writesTo(Upstream.MANAGER)).hasSize(1);
    emulator.fail(Upstream.MANAGER, Fault.latency(5_000));
    assertProblem(api.as("tenant-admin").body(issueBody("a@example.com", "a")).post(assertions()).then(), 504);
    emulator.faults().clear();
    // Neither failed issue was kept locally (the slow one may still land upstream: its outcome is unknown, hence 504).
    assertThat(AssertionReadModel.count("recipientIdentity", "a")).isZero();
  }

  @Test
  void authMatrix() {
    String id = api.issue(credential, "learner@example.com", "learner");
    emulator.requests().clear();
    String body = issueBody("x@example.com", "x");
    assertProblem(given().contentType(ContentType.JSON).body(body).post(assertions()).then(), 401);
    assertProblem(given().auth().oauth2(emulator.tokens().expiredTokenFor("tenant-admin")).contentType(ContentType.JSON)
        .body(body).post(assertions()).then(), 401);
    assertProblem(given().auth().oauth2(emulator.tokens().badlySignedTokenFor("tenant-admin")).contentType(ContentType.JSON)
        .body(body).post(assertions()).then(), 401);
    assertProblem(api.as("learner").body(body).post(assertions()).then(), 403);
    assertProblem(api.as("learner").body(BATCH).post(assertions() + "bulk/").then(), 403);
    assertProblem(api.as("learner").get(assertions()).then(), 403);
    assertProblem(api.as("other-admin").body(body).post(assertions()).then(), 403);
    // A learner sees only their own assertions.
    assertProblem(api.as("learner").get(BASE.replace("ibl-admin", "someone-else") + "assertions/").then(), 403);
    assertProblem(api.as("other-learner").get(BASE.replace("ibl-admin", "learner") + "assertions/" + id).then(), 403);
    assertProblem(api.as("other-admin").get(BASE.replace("ibl-admin", "learner") + "assertions/").then(), 403);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void bulkIssuesTheGoodRecipientsReportsTheBadAndIssuesNothingNewWhenRepeated() {
    String first = api.as("tenant-admin").body(BATCH).post(assertions() + "bulk/")
        .then().statusCode(200)
        .body("summary.requested", equalTo(6))
        .body("summary.issued", equalTo(3))
        .body("summary.created", equalTo(3))
        .body("summary.invalid", equalTo(3))
        .body("summary.failed", equalTo(0))
        .body("results.status", contains("issued", "invalid", "issued", "invalid", "invalid", "issued"))
        .body("results[1].detail", startsWith("email"))
        .body("results[5].identity", equalTo("linus@example.com"))
        .extract().asString();
    assertThat(emulator.requests().writesTo(Upstream.MANAGER)).hasSize(3);
    emulator.requests().clear();

    String second = api.as("tenant-admin").body(BATCH).post(assertions() + "bulk/")
        .then().statusCode(200)
        .body("summary.created", equalTo(0))
        .extract().asString();
    assertThat(emulator.requests().writesTo(Upstream.MANAGER)).isEmpty();
    JsonPath a = JsonPath.from(first);
    JsonPath b = JsonPath.from(second);
    assertThat(b.getList("results.status")).isEqualTo(a.getList("results.status"));
    assertThat(b.getList("results.assertion")).isEqualTo(a.getList("results.assertion"));
    api.as("tenant-admin").get(assertions()).then().statusCode(200).body("count", equalTo(3));
  }

  @Test
  void bulkWithAnIdempotencyKeyReplaysTheSameAnswer() {
    String first = api.as("tenant-admin").header("Idempotency-Key", "batch-1").body(BATCH).post(assertions() + "bulk/")
        .then().statusCode(200).extract().asString();
    emulator.requests().clear();
    String second = api.as("tenant-admin").header("Idempotency-Key", "batch-1").body(BATCH).post(assertions() + "bulk/")
        .then().statusCode(200).header("Idempotent-Replayed", "true").extract().asString();
    assertThat(second).isEqualTo(first);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
    // The same key for another batch is a mistake, not a replay.
    assertProblem(api.as("tenant-admin").header("Idempotency-Key", "batch-1")
        .body("{\"recipients\": [{\"email\": \"new@example.com\"}]}").post(assertions() + "bulk/").then(), 409);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void bulkWhoseIssueWentThroughButWasLostIsNotIssuedTwice() {
    // The first attempt of the Manager's answer arrives too late: the assertion exists, the answer is lost.
    emulator.fail(Upstream.MANAGER, Fault.latency(4_000).times(1));
    api.as("tenant-admin").body("{\"recipients\": [{\"email\": \"ada@example.com\", \"identity\": \"ada\"}]}")
        .post(assertions() + "bulk/")
        .then().statusCode(200)
        .body("results[0].status", equalTo("issued"));
    api.as("tenant-admin").get(assertions()).then().statusCode(200).body("count", equalTo(1));
  }

  @Test
  void bulkWhileManagerIsDownReportsFailuresAndKeepsNothing() {
    emulator.fail(Upstream.MANAGER, Fault.down());
    api.as("tenant-admin").header("Idempotency-Key", "down-batch").body(BATCH).post(assertions() + "bulk/")
        .then().statusCode(200)
        .body("summary.failed", equalTo(3))
        .body("summary.created", equalTo(0))
        .body("summary.invalid", equalTo(3));
    emulator.faults().clear();
    CircuitBreakerMaintenance.get().resetAll();
    // Nothing was kept, and the key was not spent on a failed batch: the retry issues.
    api.as("tenant-admin").header("Idempotency-Key", "down-batch").body(BATCH).post(assertions() + "bulk/")
        .then().statusCode(200).body("summary.created", equalTo(3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{ not json", "{}", "{\"recipients\": []}", "{\"recipients\": \"ada\"}", "{\"recipients\": [{}], \"course\": 5}"})
  void badBatchesAreRefusedWhole(String body) {
    assertProblem(api.as("tenant-admin").body(body).post(assertions() + "bulk/").then(), 400);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void tooManyRecipientsIsRefused() {
    StringBuilder recipients = new StringBuilder();
    for (int i = 0; i < 21; i++) {
      recipients.append(i == 0 ? "" : ",").append("{\"email\": \"u").append(i).append("@example.com\"}");
    }
    assertProblem(api.as("tenant-admin").body("{\"recipients\": [" + recipients + "]}").post(assertions() + "bulk/").then(), 400)
        .body("errors[0].field", equalTo("recipients"));
  }

  @Test
  void assertionListsPaginate() {
    for (int i = 0; i < 3; i++) {
      api.issue(credential, "u" + i + "@example.com", "u" + i);
    }
    api.as("tenant-admin").queryParam("page_size", 2).queryParam("page", 2).get(assertions())
        .then().statusCode(200).body("count", equalTo(3)).body("data", hasSize(1)).body("page_number", equalTo(2));
    api.as("tenant-admin").queryParam("page", 5).get(assertions())
        .then().statusCode(200).body("count", equalTo(3)).body("data", hasSize(0));
    assertProblem(api.as("tenant-admin").queryParam("page", 0).get(assertions()).then(), 400);
    assertProblem(api.as("tenant-admin").queryParam("page_size", 101).get(assertions()).then(), 400);
  }
}
