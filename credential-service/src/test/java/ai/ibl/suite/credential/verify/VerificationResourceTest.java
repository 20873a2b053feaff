package ai.ibl.suite.credential.verify;

import static ai.ibl.suite.credential.Api.BASE;
import static ai.ibl.suite.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Fault;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.suite.credential.Api;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@UpstreamSlate
class VerificationResourceTest {
  private static final String VERIFY = "/api/credentials/verify/";

  @InjectEmulator
  PlatformEmulator emulator;

  Api api;
  String issuer;
  String credential;

  @BeforeEach
  void cleanSlate() {
    Api.forgetReadModel();
    api = new Api(emulator);
    issuer = api.createIssuer();
    credential = api.createCredential(issuer, "Verified Skill");
  }

  @Test
  void anyoneVerifiesAnIssuedCredentialWithoutAToken() throws Exception {
    String id = api.issue(credential, "Learner@Example.com", "learner");
    String expected = "sha256$" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(("learner@example.com" + id).getBytes(StandardCharsets.UTF_8)));
    given().get(VERIFY + id)
        .then().statusCode(200)
        .body("assertion", equalTo(id))
        .body("valid", equalTo(true))
        .body("revoked", equalTo(false))
        .body("revocationReason", nullValue())
        .body("expired", equalTo(false))
        .body("issuedOn", notNullValue())
        .body("expires", notNullValue())
        .body("credential.entityId", equalTo(credential))
        .body("credential.name", equalTo("Verified Skill"))
        .body("credential.criteriaUrl", equalTo("https://example.com/criteria"))
        .body("issuer.entityId", equalTo(issuer))
        .body("issuer.name", startsWith("Issuer-"))
        .body("recipient.type", equalTo("email"))
        .body("recipient.hashed", equalTo(true))
        .body("recipient.identity", equalTo(expected))
        .body(not(containsString("Learner@Example.com")));
  }

  @Test
  void aRevokedCredentialIsNotValidAndSaysWhy() {
    String id = api.issue(credential, "learner@example.com", "learner");
    api.as("tenant-admin").body("{\"revoked\": true, \"revocationReason\": \"Academic misconduct\"}")
        .put(BASE + "assertions/" + id).then().statusCode(200);
    given().get(VERIFY + id)
        .then().statusCode(200)
        .body("valid", equalTo(false))
        .body("revoked", equalTo(true))
        .body("revocationReason", equalTo("Academic misconduct"));
  }

  @Test
  void unknownAssertionIs404() {
    assertProblem(given().get(VERIFY + "no-such-assertion").then(), 404);
  }

  @Test
  void verificationIsServedStaleWhenManagerIsDown() {
    String id = api.issue(credential, "learner@example.com", "learner");
    emulator.fail(Upstream.MANAGER, Fault.down());
    given().get(VERIFY + id)
        .then().statusCode(200).body("valid", equalTo(true))
        .header("Cache-Status", containsString("stale"));
  }

  @Test
  void verificationIsDocumentedInOpenApi() {
    given().queryParam("format", "json").get("/q/openapi")
        .then().statusCode(200)
        .body(containsString("/api/credentials/verify/{assertion_id}"))
        .body(containsString("/api/credentials/orgs/{org}/users/{user_id}/{entity_id}/assertions/bulk"))
        .body(containsString("Open Badges"));
  }
}
