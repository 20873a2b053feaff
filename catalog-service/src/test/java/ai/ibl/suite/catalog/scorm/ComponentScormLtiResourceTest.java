package ai.ibl.suite.catalog.scorm;

import static ai.ibl.suite.catalog.course.CmsAuthoring.COURSES;
import static ai.ibl.suite.catalog.course.CmsAuthoring.XBLOCK;
import static ai.ibl.suite.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Fault;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.suite.catalog.course.CmsAuthoring;
import ai.ibl.suite.catalog.course.CmsAuthoring.Outline;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Components, the SCORM component's settings and LTI passports: the CMS's smaller authoring calls. */
@QuarkusTest
@UpstreamSlate
class ComponentScormLtiResourceTest {
  private static final String COMPONENT = XBLOCK + "/component/create";
  private static final String SCORM = "/api/v1/ibl/ibl_edx_scorm/update";
  private static final String LTI = "/api/v1/ibl/course/add_lti_passport";
  private static final String SECRET = "s3cr3t-Client-Value";
  private static final String PASSPORT = "zoom:client-key-1:" + SECRET;

  @InjectEmulator
  PlatformEmulator emulator;

  CmsAuthoring cms;
  Outline outline;

  @BeforeEach
  void aCourseWithOneUnit() {
    cms = new CmsAuthoring(emulator);
    outline = cms.outline();
    emulator.requests().clear();
  }

  private String token(String user) {
    return cms.token(user);
  }

  /** The seed's "Create Component" body, every optional field included; the parent made a real unit. */
  private String seedComponent() {
    return """
        {
          "parent_locator": "%s",
          "problem_type": "problem-type",
          "data": {},
          "metadata": {},
          "display_name": "Display Name",
          "boilerplate": "boilerplate",
          "position": 1
        }
        """.formatted(outline.unit());
  }

  private String scormBlock() {
    String locator = given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("{\"parent_locator\": \"" + outline.unit() + "\", \"problem_type\": \"scorm\"}")
        .when().post(COMPONENT)
        .then().statusCode(200).body("category", equalTo("scorm")).extract().path("locator");
    emulator.requests().clear();
    return locator;
  }

  /** The seed's "Update SCORM Component" body, every optional field included. */
  private static String seedScorm(String usageKey) {
    return """
        {
          "usage_key_string": "%s",
          "display_name": "Display Name",
          "weight": 1.0,
          "fullscreen_on_launch": true,
          "has_score": true,
          "height": "400px",
          "file": "file-data",
          "handler": "studio_submit",
          "suffix": "suffix"
        }
        """.formatted(usageKey);
  }

  /** The seed's "Add LTI Passport" body, with a real course key and a passport in Open edX's format. */
  private String seedLti() {
    return """
        {
          "courseKey": "%s",
          "lti_passport": "%s"
        }
        """.formatted(outline.course(), PASSPORT);
  }

  // --- Components

  @Test
  void seedComponentIsCreatedInTheUnit() {
    String created = given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedComponent())
        .when().post(COMPONENT)
        .then().statusCode(200)
        .body("category", equalTo("problem"))
        .body("metadata.problem_type", equalTo("problem-type"))
        .body("display_name", equalTo("Display Name"))
        .body("parent_locator", equalTo(outline.unit()))
        .extract().path("locator");
    var sent = emulator.requests().writesTo(Upstream.CMS);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).path()).isEqualTo(COMPONENT);
    assertThat(sent.get(0).body()).contains("\"problem_type\":\"problem-type\"", "\"position\":1");
    cms.assertServiceBearer(sent.get(0));
    given().auth().oauth2(token("learner")).queryParam("locator", outline.unit())
        .when().get(XBLOCK + "/get-details")
        .then().statusCode(200).body("children", hasItem(created));
  }

  @Test
  void componentsGoOnlyIntoUnits() {
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("{\"parent_locator\": \"" + outline.chapter() + "\", \"problem_type\": \"html\"}")
        .when().post(COMPONENT).then(), 400)
        .body("detail", containsString("unit"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ not json",
      "[]",
      "{\"problem_type\": \"html\"}",
      "{\"parent_locator\": \"%s\"}",
      "{\"parent_locator\": \"parent-block-locator\", \"problem_type\": \"html\"}",
      "{\"parent_locator\": \"%s\", \"problem_type\": \"has spaces\"}",
      "{\"parent_locator\": \"%s\", \"problem_type\": 3}",
      "{\"parent_locator\": \"%s\", \"problem_type\": \"html\", \"data\": 12}",
      "{\"parent_locator\": \"%s\", \"problem_type\": \"html\", \"metadata\": \"m\"}",
      "{\"parent_locator\": \"%s\", \"problem_type\": \"html\", \"position\": -2}",
      "{\"parent_locator\": \"%s\", \"problem_type\": \"html\", \"position\": true}"
  })
  void badComponentsAreRefusedAndNothingIsSentUpstream(String template) {
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body(template.replace("%s", outline.unit())).when().post(COMPONENT).then(), 400);
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  @Test
  void componentCreatesAreNeverRetried() {
    emulator.fail(Upstream.CMS, Fault.status(500).times(1));
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedComponent())
        .when().post(COMPONENT).then(), 502).header("Retry-After", notNullValue());
    assertThat(emulator.requests().writesTo(Upstream.CMS)).hasSize(1);
  }

  // --- SCORM

  @Test
  void seedScormUpdateSetsTheComponentsFields() {
    String scorm = scormBlock();
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedScorm(scorm))
        .when().post(SCORM)
        .then().statusCode(200)
        .body("locator", equalTo(scorm))
        .body("display_name", equalTo("Display Name"))
        .body("metadata.weight", equalTo(1.0f))
        .body("metadata.fullscreen_on_launch", equalTo(true))
        .body("metadata.height", equalTo("400px"));
    var sent = emulator.requests().writesTo(Upstream.CMS);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).body()).contains("\"file\":\"file-data\"", "\"handler\":\"studio_submit\"", "\"suffix\":\"suffix\"");
    cms.assertServiceBearer(sent.get(0));
    // The read model keeps the updated block: served even with the CMS down.
    emulator.fail(Upstream.CMS, Fault.down());
    given().auth().oauth2(token("learner")).queryParam("locator", scorm)
        .when().get(XBLOCK + "/get-details")
        .then().statusCode(200).body("display_name", equalTo("Display Name"))
        .header("Cache-Status", containsString("stale"));
  }

  @Test
  void scormUpdateWithoutTheOptionalFields() {
    String scorm = scormBlock();
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("""
            {"usage_key_string": "%s", "display_name": "D", "weight": 2, "fullscreen_on_launch": false,
             "has_score": false, "height": "80%%", "handler": "studio_submit"}
            """.formatted(scorm))
        .when().post(SCORM)
        .then().statusCode(200).body("metadata.height", equalTo("80%"));
  }

  @Test
  void scormUpdateOfANonScormBlockIsRefusedByTheCms() {
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body(seedScorm(outline.unit())).when().post(SCORM).then(), 400)
        .body("detail", containsString("SCORM"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "usage_key_string", "display_name", "weight", "fullscreen_on_launch", "has_score", "height", "handler"})
  void everyRequiredScormFieldIsRequired(String field) {
    String scorm = scormBlock();
    String body = seedScorm(scorm).replaceAll("\\s*\"" + field + "\": [^,\\n]+,?", "");
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(body)
        .when().post(SCORM).then(), 400)
        .body("errors.field", hasItem(field));
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\"weight\": \"1.0\"",
      "\"weight\": -1",
      "\"fullscreen_on_launch\": \"yes\"",
      "\"has_score\": 1",
      "\"height\": 400",
      "\"height\": \"400 pixels\"",
      "\"handler\": \"studio submit\"",
      "\"usage_key_string\": \"usage-key\"",
      "\"suffix\": \"../../x y\"",
      "\"file\": 5"
  })
  void wrongScormValuesAreRefused(String replacement) {
    String scorm = scormBlock();
    String field = replacement.substring(1, replacement.indexOf('"', 1));
    String body = seedScorm(scorm).replaceAll("\"" + field + "\": [^,\\n]+", replacement);
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(body)
        .when().post(SCORM).then(), 400)
        .body("errors[0].field", equalTo(field));
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  @Test
  void scormUpdatesAreRetriedOnceAndFailWith502WhenTheCmsKeepsFailing() {
    String scorm = scormBlock();
    emulator.fail(Upstream.CMS, Fault.status(500).times(1));
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedScorm(scorm))
        .when().post(SCORM).then().statusCode(200);
    assertThat(emulator.requests().writesTo(Upstream.CMS)).hasSize(2);
    CircuitBreakerMaintenance.get().resetAll();
    emulator.fail(Upstream.CMS, Fault.status(500));
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedScorm(scorm))
        .when().post(SCORM).then(), 502).header("Retry-After", notNullValue());
  }

  @Test
  void scormUpdateWhileCmsIsDownAnswers503AndKeepsTheOldCopy() {
    String scorm = scormBlock();
    given().auth().oauth2(token("learner")).queryParam("locator", scorm).get(XBLOCK + "/get-details").then().statusCode(200);
    emulator.fail(Upstream.CMS, Fault.down());
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedScorm(scorm))
        .when().post(SCORM).then(), 503).header("Retry-After", notNullValue());
    CircuitBreakerMaintenance.get().resetAll();
    given().auth().oauth2(token("learner")).queryParam("locator", scorm)
        .when().get(XBLOCK + "/get-details")
        .then().statusCode(200).body("display_name", equalTo("Scorm module"))
        .header("Cache-Status", containsString("stale"));
  }

  // --- LTI passports

  @Test
  void seedLtiPassportIsAddedAndItsSecretNeverComesBack() {
    String answer = given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedLti())
        .when().post(LTI)
        .then().statusCode(200)
        .body("course_key", equalTo(outline.course()))
        .body("lti_passports", equalTo(List.of("zoom:client-key-1:********")))
        .extract().asString();
    assertThat(answer).doesNotContain(SECRET);

    var sent = emulator.requests().writesTo(Upstream.CMS);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).body()).contains("\"lti_passport\":\"" + PASSPORT + "\"");
    cms.assertServiceBearer(sent.get(0));

    // The course's copy is revalidated: it now lists the passport's id (and only its id).
    given().auth().oauth2(token("learner")).queryParam("course_key", outline.course())
        .when().get(COURSES)
        .then().statusCode(200)
        .body("lti_passport_ids", equalTo(List.of("zoom")))
        .body(not(containsString(SECRET)));
  }

  @Test
  void theSeedsPlaceholderPassportIsNotAPassport() {
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("{\"courseKey\": \"" + outline.course() + "\", \"lti_passport\": \"lti-passport\"}")
        .when().post(LTI).then(), 400)
        .body("errors[0].field", equalTo("lti_passport"))
        .body(not(containsString("lti-passport\"")));
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  @Test
  void aRefusedPassportIsNotEchoed() {
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("{\"courseKey\": \"" + outline.course() + "\", \"lti_passport\": \"a:b:" + SECRET + ":extra\"}")
        .when().post(LTI).then(), 400)
        .body(not(containsString(SECRET)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      "{ nope",
      "{\"courseKey\": \"%s\"}",
      "{\"lti_passport\": \"a:b:c\"}",
      "{\"courseKey\": \"course-key\", \"lti_passport\": \"a:b:c\"}",
      "{\"courseKey\": \"%s\", \"lti_passport\": \"a::c\"}",
      "{\"courseKey\": \"%s\", \"lti_passport\": \"a b:c:d\"}",
      "{\"courseKey\": \"%s\", \"lti_passport\": [\"a:b:c\"]}",
      "{\"courseKey\": 1, \"lti_passport\": \"a:b:c\"}"
  })
  void badPassportsAreRefusedAndNothingIsSentUpstream(String template) {
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body(template.replace("%s", outline.course())).when().post(LTI).then(), 400);
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  @Test
  void passportForAnUnknownCourseIs404() {
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("{\"courseKey\": \"course-v1:main+Nope+2020\", \"lti_passport\": \"" + PASSPORT + "\"}")
        .when().post(LTI).then(), 404)
        .body(not(containsString(SECRET)));
  }

  @Test
  void passportsAreNeverRetriedAndFailuresSayNothingOfTheSecret() {
    emulator.fail(Upstream.CMS, Fault.status(500).times(1));
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedLti())
        .when().post(LTI).then(), 502)
        .header("Retry-After", notNullValue())
        .body(not(containsString(SECRET)));
    assertThat(emulator.requests().writesTo(Upstream.CMS)).hasSize(1);
  }

  @Test
  void passportWhenCmsIsSlowAnswers504() {
    emulator.fail(Upstream.CMS, Fault.latency(5_000));
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedLti())
        .when().post(LTI).then(), 504).header("Retry-After", notNullValue());
  }

  @Test
  void passportWhileCmsIsDownAnswers503() {
    emulator.fail(Upstream.CMS, Fault.down());
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedLti())
        .when().post(LTI).then(), 503).header("Retry-After", notNullValue());
  }

  // --- Who may do what, for all three

  @Test
  void noExpiredOrBadlySignedTokenIs401() {
    String scorm = scormBlock();
    assertProblem(given().contentType(ContentType.JSON).body(seedComponent()).when().post(COMPONENT).then(), 401)
        .header("WWW-Authenticate", containsString("Bearer"));
    assertProblem(given().auth().oauth2(emulator.tokens().expiredTokenFor("tenant-admin")).contentType(ContentType.JSON)
        .body(seedScorm(scorm)).when().post(SCORM).then(), 401);
    assertProblem(given().auth().oauth2(emulator.tokens().badlySignedTokenFor("ibl-admin")).contentType(ContentType.JSON)
        .body(seedLti()).when().post(LTI).then(), 401);
    assertThat(emulator.requests().writesTo(Upstream.CMS)).isEmpty();
  }

  @Test
  void learnersAndOtherTenantsCannotWrite() {
    String scorm = scormBlock();
    for (String user : List.of("learner", "other-admin", "other-learner")) {
      assertProblem(given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(seedComponent())
          .when().post(COMPONENT).then(), 403);
      assertProblem(given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(seedScorm(scorm))
          .when().post(SCORM).then(), 403);
      assertProblem(given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(seedLti())
          .when().post(LTI).then(), 403)
          .body(not(containsString(SECRET)));
    }
    assertThat(emulator.requests().writesTo(Upstream.CMS)).isEmpty();
  }

  @Test
  void platformAdminWritesInAnyOrg() {
    given().auth().oauth2(token("ibl-admin")).contentType(ContentType.JSON).body(seedComponent())
        .when().post(COMPONENT).then().statusCode(200);
    given().auth().oauth2(token("ibl-admin")).contentType(ContentType.JSON).body(seedLti())
        .when().post(LTI).then().statusCode(200);
  }

  @Test
  void oversizedBodiesAreRefused() {
    String scorm = scormBlock();
    String huge = seedScorm(scorm).replace("\"file-data\"", "\"" + "x".repeat(300_000) + "\"");
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(huge)
        .when().post(SCORM).then(), 413);
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }
}
