package ai.ibl.suite.catalog.xblock;

import static ai.ibl.suite.catalog.course.CmsAuthoring.XBLOCK;
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

@QuarkusTest
@UpstreamSlate
class XBlockResourceTest {
  private static final String UPDATE = XBLOCK + "/update";
  private static final String DETAILS = XBLOCK + "/get-details";
  private static final String PUBLISH = XBLOCK + "/publish";
  private static final String CREATE = XBLOCK + "/create";

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

  /** The seed's "Update XBlock" body, every optional field included; placeholders made real keys. */
  private String seedUpdate() {
    return """
        {
          "locator": "%s",
          "courseKey": "%s",
          "category": "vertical",
          "metadata": {},
          "display_name": "Display Name",
          "data": {}
        }
        """.formatted(outline.unit(), outline.course());
  }

  /** The seed's "Create XBlock" body, every optional field included. */
  private String seedCreate() {
    return """
        {
          "parent_locator": "%s",
          "category": "vertical",
          "display_name": "Display Name",
          "boilerplate": "boilerplate",
          "position": 1
        }
        """.formatted(outline.sequential());
  }

  private String details(String user, String locator) {
    return given().auth().oauth2(token(user)).queryParam("locator", locator).when().get(DETAILS)
        .then().statusCode(200).extract().asString();
  }

  // --- Happy paths, with the seed's bodies

  @Test
  void seedUpdateChangesTheBlockAndItsDetailsFollow() {
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedUpdate())
        .when().post(UPDATE)
        .then().statusCode(200)
        .body("locator", equalTo(outline.unit()))
        .body("display_name", equalTo("Display Name"))
        .body("has_changes", equalTo(true));

    var sent = emulator.requests().writesTo(Upstream.CMS);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).path()).isEqualTo(UPDATE);
    assertThat(sent.get(0).body()).contains("\"courseKey\":\"" + outline.course() + "\"", "\"display_name\":\"Display Name\"");
    cms.assertServiceBearer(sent.get(0));

    given().auth().oauth2(token("learner")).queryParam("locator", outline.unit())
        .when().get(DETAILS)
        .then().statusCode(200)
        .body("display_name", equalTo("Display Name"))
        .header("Cache-Status", notNullValue())
        .header("Age", notNullValue());
  }

  @Test
  void updateWithOnlyTheRequiredFields() {
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("{\"locator\": \"%s\", \"courseKey\": \"%s\", \"category\": \"vertical\"}".formatted(outline.unit(), outline.course()))
        .when().post(UPDATE)
        .then().statusCode(200).body("display_name", equalTo("Unit"));
    assertThat(emulator.requests().writesTo(Upstream.CMS).get(0).body()).doesNotContain("display_name", "metadata", "data");
  }

  @Test
  void updateAcceptsTextDataAndMetadata() {
    String html = cms.block(outline.unit(), "html");
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("""
            {"locator": "%s", "courseKey": "%s", "category": "html", "metadata": {"graded": false}, "data": "<p>Hello</p>"}
            """.formatted(html, outline.course()))
        .when().post(UPDATE)
        .then().statusCode(200).body("data", equalTo("<p>Hello</p>")).body("metadata.graded", equalTo(false));
  }

  @Test
  void getDetailsServesTheBlock() {
    given().auth().oauth2(token("learner")).queryParam("locator", outline.unit())
        .when().get(DETAILS)
        .then().statusCode(200)
        .body("locator", equalTo(outline.unit()))
        .body("category", equalTo("vertical"))
        .body("courseKey", equalTo(outline.course()))
        .header("Cache-Status", containsString("catalog-service"));
    var sent = emulator.requests().to(Upstream.CMS);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).query()).contains("locator=");
    cms.assertServiceBearer(sent.get(0));
  }

  @Test
  void seedPublishPublishesTheUnitAndWhatIsInIt() {
    String html = cms.block(outline.unit(), "html");
    details("learner", html);
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("{\n  \"locator\": \"" + outline.unit() + "\"\n}")
        .when().post(PUBLISH)
        .then().statusCode(200)
        .body("published", equalTo(true))
        .body("has_changes", equalTo(false));
    given().auth().oauth2(token("learner")).queryParam("locator", html)
        .when().get(DETAILS)
        .then().statusCode(200).body("published", equalTo(true));
  }

  @Test
  void seedCreateAddsABlockUnderTheParent() {
    String created = given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedCreate())
        .when().post(CREATE)
        .then().statusCode(200)
        .body("category", equalTo("vertical"))
        .body("display_name", equalTo("Display Name"))
        .body("parent_locator", equalTo(outline.sequential()))
        .extract().path("locator");
    assertThat(created).startsWith("block-v1:" + outline.course().substring("course-v1:".length()) + "+type@vertical+block@");
    cms.assertServiceBearer(emulator.requests().writesTo(Upstream.CMS).get(0));
    // Inserted at position 1, after the existing unit.
    given().auth().oauth2(token("learner")).queryParam("locator", outline.sequential())
        .when().get(DETAILS)
        .then().statusCode(200)
        .body("children", equalTo(List.of(outline.unit(), created)));
    given().auth().oauth2(token("learner")).queryParam("locator", created)
        .when().get(DETAILS)
        .then().statusCode(200).body("display_name", equalTo("Display Name"));
  }

  @Test
  void createUnderAMissingParentIs404FromTheCms() {
    String missing = outline.sequential().replaceAll("block@.*$", "block@missing");
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("{\"parent_locator\": \"" + missing + "\", \"category\": \"vertical\"}")
        .when().post(CREATE).then(), 404);
  }

  @Test
  void unknownBlockIs404() {
    String missing = outline.unit().replaceAll("block@.*$", "block@missing");
    assertProblem(given().auth().oauth2(token("learner")).queryParam("locator", missing)
        .when().get(DETAILS).then(), 404);
  }

  // --- Bad input

  @ParameterizedTest
  @ValueSource(strings = {
      "{ not json",
      "[]",
      "",
      "{\"courseKey\": \"%2$s\", \"category\": \"vertical\"}",
      "{\"locator\": \"%1$s\", \"category\": \"vertical\"}",
      "{\"locator\": \"%1$s\", \"courseKey\": \"%2$s\"}",
      "{\"locator\": \"block-locator\", \"courseKey\": \"%2$s\", \"category\": \"vertical\"}",
      "{\"locator\": \"%1$s\", \"courseKey\": \"course-key\", \"category\": \"vertical\"}",
      "{\"locator\": \"%1$s\", \"courseKey\": \"course-v1:main+Other+2026\", \"category\": \"vertical\"}",
      "{\"locator\": \"%1$s\", \"courseKey\": \"%2$s\", \"category\": \"html\"}",
      "{\"locator\": \"%1$s\", \"courseKey\": \"%2$s\", \"category\": \"Not A Type\"}",
      "{\"locator\": 42, \"courseKey\": \"%2$s\", \"category\": \"vertical\"}",
      "{\"locator\": \"%1$s\", \"courseKey\": \"%2$s\", \"category\": \"vertical\", \"metadata\": \"x\"}",
      "{\"locator\": \"%1$s\", \"courseKey\": \"%2$s\", \"category\": \"vertical\", \"metadata\": []}",
      "{\"locator\": \"%1$s\", \"courseKey\": \"%2$s\", \"category\": \"vertical\", \"data\": 123}",
      "{\"locator\": \"%1$s\", \"courseKey\": \"%2$s\", \"category\": \"vertical\", \"data\": [1]}",
      "{\"locator\": \"%1$s\", \"courseKey\": \"%2$s\", \"category\": \"vertical\", \"display_name\": \"\"}",
      "{\"locator\": \"%1$s\", \"courseKey\": \"%2$s\", \"category\": \"vertical\", \"display_name\": 5}"
  })
  void badUpdatesAreRefusedAndNothingIsSentUpstream(String template) {
    String body = template.formatted(outline.unit(), outline.course());
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(body)
        .when().post(UPDATE).then(), 400);
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      "{\"parent_locator\": \"%s\"}",
      "{\"category\": \"vertical\"}",
      "{\"parent_locator\": \"parent-block-locator\", \"category\": \"vertical\"}",
      "{\"parent_locator\": \"%s\", \"category\": \"vertical\", \"position\": -1}",
      "{\"parent_locator\": \"%s\", \"category\": \"vertical\", \"position\": \"1\"}",
      "{\"parent_locator\": \"%s\", \"category\": \"vertical\", \"position\": 1.5}",
      "{\"parent_locator\": \"%s\", \"category\": \"vertical\", \"boilerplate\": \"../etc/passwd\"}",
      "{\"parent_locator\": \"%s\", \"category\": \"vertical\", \"display_name\": [\"x\"]}",
      "{\"parent_locator\": \"%s\", \"category\": 1}"
  })
  void badCreatesAreRefusedAndNothingIsSentUpstream(String template) {
    String body = template.replace("%s", outline.sequential());
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(body)
        .when().post(CREATE).then(), 400);
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"locator\": \"block-locator\"}", "{\"locator\": null}", "{\"locator\": true}", "{ nope"})
  void badPublishesAreRefused(String body) {
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(body)
        .when().post(PUBLISH).then(), 400);
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  @Test
  void mismatchedLocatorAndCategoryNameTheirFields() {
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("{\"locator\": \"%s\", \"courseKey\": \"course-v1:main+Other+2026\", \"category\": \"vertical\"}".formatted(outline.unit()))
        .when().post(UPDATE)
        .then().statusCode(400).body("errors[0].field", equalTo("locator"));
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("{\"locator\": \"%s\", \"courseKey\": \"%s\", \"category\": \"html\"}".formatted(outline.unit(), outline.course()))
        .when().post(UPDATE)
        .then().statusCode(400).body("errors[0].field", equalTo("category"));
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("{\"locator\": \"%s\", \"courseKey\": \"%s\", \"category\": \"vertical\", \"data\": 1}".formatted(outline.unit(), outline.course()))
        .when().post(UPDATE)
        .then().statusCode(400).body("errors[0].field", equalTo("data"));
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("{\"parent_locator\": \"%s\", \"category\": \"vertical\", \"position\": \"1\"}".formatted(outline.sequential()))
        .when().post(CREATE)
        .then().statusCode(400).body("errors[0].field", equalTo("position"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "block-locator", "course-v1:main+CS1+2026", "block-v1:main+CS1+2026+type@vertical", "block-v1:main+CS1+2026+type@Vertical+block@a b"})
  void badLocatorsAreRefused(String locator) {
    assertProblem(given().auth().oauth2(token("learner")).queryParam("locator", locator)
        .when().get(DETAILS).then(), 400)
        .body("errors[0].field", equalTo("locator"));
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  @Test
  void missingLocatorIsRefused() {
    assertProblem(given().auth().oauth2(token("learner")).when().get(DETAILS).then(), 400)
        .body("errors[0].field", equalTo("locator"));
  }

  @Test
  void oversizedBodyIsRefused() {
    String huge = "{\"locator\": \"%s\", \"courseKey\": \"%s\", \"category\": \"vertical\", \"data\": \"%s\"}"
        .formatted(outline.unit(), outline.course(), "x".repeat(300_000));
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(huge)
        .when().post(UPDATE).then(), 413);
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  // --- Who may do what

  @Test
  void noTokenIs401() {
    assertProblem(given().contentType(ContentType.JSON).body(seedUpdate()).when().post(UPDATE).then(), 401)
        .header("WWW-Authenticate", containsString("Bearer"));
    assertProblem(given().queryParam("locator", outline.unit()).when().get(DETAILS).then(), 401);
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  @Test
  void expiredTokenIs401() {
    assertProblem(given().auth().oauth2(emulator.tokens().expiredTokenFor("tenant-admin"))
        .contentType(ContentType.JSON).body(seedCreate()).when().post(CREATE).then(), 401);
    assertThat(emulator.requests().writesTo(Upstream.CMS)).isEmpty();
  }

  @Test
  void badlySignedTokenIs401() {
    assertProblem(given().auth().oauth2(emulator.tokens().badlySignedTokenFor("ibl-admin"))
        .contentType(ContentType.JSON).body("{\"locator\": \"" + outline.unit() + "\"}").when().post(PUBLISH).then(), 401);
    assertThat(emulator.requests().writesTo(Upstream.CMS)).isEmpty();
  }

  @Test
  void learnerReadsButCannotWrite() {
    assertProblem(given().auth().oauth2(token("learner")).contentType(ContentType.JSON).body(seedUpdate())
        .when().post(UPDATE).then(), 403);
    assertProblem(given().auth().oauth2(token("learner")).contentType(ContentType.JSON).body(seedCreate())
        .when().post(CREATE).then(), 403);
    assertProblem(given().auth().oauth2(token("learner")).contentType(ContentType.JSON)
        .body("{\"locator\": \"" + outline.unit() + "\"}").when().post(PUBLISH).then(), 403);
    assertThat(emulator.requests().writesTo(Upstream.CMS)).isEmpty();
    details("learner", outline.unit());
  }

  @Test
  void anotherTenantCannotWriteOrReadThisOrgsBlocks() {
    for (String user : List.of("other-admin", "other-learner")) {
      assertProblem(given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(seedUpdate())
          .when().post(UPDATE).then(), 403);
      assertProblem(given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(seedCreate())
          .when().post(CREATE).then(), 403);
      assertProblem(given().auth().oauth2(token(user)).contentType(ContentType.JSON)
          .body("{\"locator\": \"" + outline.unit() + "\"}").when().post(PUBLISH).then(), 403);
      assertProblem(given().auth().oauth2(token(user)).queryParam("locator", outline.unit())
          .when().get(DETAILS).then(), 403);
    }
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  @Test
  void platformAdminWritesInAnyOrg() {
    given().auth().oauth2(token("ibl-admin")).contentType(ContentType.JSON).body(seedUpdate())
        .when().post(UPDATE).then().statusCode(200);
  }

  // --- Faults

  @Test
  void updateWhileCmsIsDownAnswers503() {
    emulator.fail(Upstream.CMS, Fault.down());
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedUpdate())
        .when().post(UPDATE).then(), 503).header("Retry-After", notNullValue());
  }

  @Test
  void updateWhenCmsFailsAnswers502() {
    emulator.fail(Upstream.CMS, Fault.status(500));
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedUpdate())
        .when().post(UPDATE).then(), 502)
        .header("Retry-After", notNullValue())
        .body(org.hamcrest.Matchers.not(containsString("<html>")));
  }

  @Test
  void publishWhenCmsIsSlowAnswers504() {
    emulator.fail(Upstream.CMS, Fault.latency(5_000));
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("{\"locator\": \"" + outline.unit() + "\"}").when().post(PUBLISH).then(), 504)
        .header("Retry-After", notNullValue());
  }

  @Test
  void updatesAndPublishesAreRetriedOnce() {
    emulator.fail(Upstream.CMS, Fault.status(502).times(1));
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedUpdate())
        .when().post(UPDATE).then().statusCode(200);
    assertThat(emulator.requests().writesTo(Upstream.CMS)).hasSize(2);

    // The test profile's breaker window is 4 calls: a second failure in it would open the breaker.
    CircuitBreakerMaintenance.get().resetAll();
    emulator.requests().clear();
    emulator.fail(Upstream.CMS, Fault.status(502).times(1));
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("{\"locator\": \"" + outline.unit() + "\"}").when().post(PUBLISH).then().statusCode(200);
    assertThat(emulator.requests().writesTo(Upstream.CMS)).hasSize(2);
  }

  @Test
  void createsAreNeverRetried() {
    emulator.fail(Upstream.CMS, Fault.status(502).times(1));
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedCreate())
        .when().post(CREATE).then(), 502);
    assertThat(emulator.requests().writesTo(Upstream.CMS)).hasSize(1);
    // The sequential still has its one unit: nothing was created behind the caller's back.
    given().auth().oauth2(token("learner")).queryParam("locator", outline.sequential())
        .when().get(DETAILS).then().statusCode(200).body("children", equalTo(List.of(outline.unit())));
  }

  @Test
  void staleDetailsWhenCmsIsDown() {
    details("learner", outline.unit());
    emulator.fail(Upstream.CMS, Fault.down());
    given().auth().oauth2(token("learner")).queryParam("locator", outline.unit())
        .when().get(DETAILS)
        .then().statusCode(200)
        .body("locator", equalTo(outline.unit()))
        .header("Cache-Status", containsString("stale"))
        .header("Age", notNullValue());
  }

  @Test
  void detailsWithNoCopyWhileCmsIsDownAnswers503() {
    emulator.fail(Upstream.CMS, Fault.down());
    String neverRead = outline.chapter();
    assertProblem(given().auth().oauth2(token("learner")).queryParam("locator", neverRead.replaceAll("block@.*$", "block@never"))
        .when().get(DETAILS).then(), 503).header("Retry-After", notNullValue());
  }

  @Test
  void failedUpdateLeavesTheReadModelUntouched() {
    String before = given().auth().oauth2(token("learner")).queryParam("locator", outline.unit())
        .when().get(DETAILS).then().statusCode(200).extract().path("display_name");
    emulator.fail(Upstream.CMS, Fault.status(500));
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedUpdate())
        .when().post(UPDATE).then().statusCode(502);
    emulator.fail(Upstream.CMS, Fault.down());
    CircuitBreakerMaintenance.get().resetAll();
    given().auth().oauth2(token("learner")).queryParam("locator", outline.unit())
        .when().get(DETAILS)
        .then().statusCode(200)
        .header("Cache-Status", containsString("stale"))
        .body("display_name", equalTo(before));
  }

  @Test
  void createdBlocksAreServedWhenCmsGoesDownRightAfter() {
    String created = given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedCreate())
        .when().post(CREATE).then().statusCode(200).extract().path("locator");
    emulator.fail(Upstream.CMS, Fault.down());
    given().auth().oauth2(token("learner")).queryParam("locator", created)
        .when().get(DETAILS)
        .then().statusCode(200)
        .body("display_name", equalTo("Display Name"))
        .header("Cache-Status", containsString("stale"));
  }

  @Test
  void recoversByItselfWhenCmsIsBack() throws InterruptedException {
    emulator.fail(Upstream.CMS, Fault.down());
    for (int i = 0; i < 4; i++) {
      given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedCreate()).post(CREATE);
    }
    emulator.faults().clear();
    emulator.requests().clear();
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedUpdate())
        .when().post(UPDATE).then(), 503);
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
    Thread.sleep(2_300); // past %test breaker-delay (2S)
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(seedUpdate())
        .when().post(UPDATE).then().statusCode(200).body("display_name", equalTo("Display Name"));
    given().auth().oauth2(token("learner")).queryParam("locator", outline.sequential())
        .when().get(DETAILS).then().statusCode(200).body("children", hasItem(outline.unit()));
  }
}
