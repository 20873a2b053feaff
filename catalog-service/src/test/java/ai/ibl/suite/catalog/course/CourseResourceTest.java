package ai.ibl.suite.catalog.course;

import static ai.ibl.suite.catalog.course.CmsAuthoring.COURSES;
import static ai.ibl.suite.catalog.course.CmsAuthoring.ORG;
import static ai.ibl.suite.catalog.course.CmsAuthoring.XBLOCK;
import static ai.ibl.suite.catalog.course.CmsAuthoring.uniqueNumber;
import static ai.ibl.suite.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Fault;
import ai.ibl.emulator.core.Upstream;
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
class CourseResourceTest {
  /** The seed's "Create Course" body exactly as written, without its optional rerun field. */
  private static final String SEED = """
      {
        "org": "org-name",
        "number": "course-number",
        "run": "course-run",
        "display_name": "Course Display Name"
      }
      """;

  @InjectEmulator
  PlatformEmulator emulator;

  CmsAuthoring cms;

  @BeforeEach
  void cleanSlate() {
    cms = new CmsAuthoring(emulator);
  }

  private String token(String user) {
    return cms.token(user);
  }

  private static String body(String org, String number) {
    return """
        {"org": "%s", "number": "%s", "run": "2026", "display_name": "Course %s"}
        """.formatted(org, number, number);
  }

  @Test
  void seedExampleCreatesTheCourseOnTheCmsAndServesItBack() {
    // The seed's org is its own tenant: only a platform admin administers it here.
    given().auth().oauth2(token("ibl-admin")).contentType(ContentType.JSON).body(SEED)
        .when().post(COURSES)
        .then().statusCode(200)
        .body("course_key", equalTo("course-v1:org-name+course-number+course-run"))
        .body("display_name", equalTo("Course Display Name"))
        .body("org", equalTo("org-name"))
        .body("rerun_of", nullValue());

    var sent = emulator.requests().writesTo(Upstream.CMS);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).path()).isEqualTo(COURSES);
    assertThat(sent.get(0).body()).contains("\"org\":\"org-name\"").doesNotContain("source_course_key");
    cms.assertServiceBearer(sent.get(0));

    given().auth().oauth2(token("ibl-admin")).queryParam("course_key", "course-v1:org-name+course-number+course-run")
        .when().get(COURSES)
        .then().statusCode(200)
        .body("display_name", equalTo("Course Display Name"))
        .header("Cache-Status", notNullValue())
        .header("Age", notNullValue());
  }

  @Test
  void seedExampleWithItsPlaceholderSourceKeyIsNotACourseKey() {
    String seedWithRerun = """
        {
          "org": "org-name",
          "number": "course-number",
          "run": "course-run",
          "display_name": "Course Display Name",
          "source_course_key": "source-course-key"
        }
        """;
    assertProblem(given().auth().oauth2(token("ibl-admin")).contentType(ContentType.JSON).body(seedWithRerun)
        .when().post(COURSES).then(), 400)
        .body("errors[0].field", equalTo("source_course_key"))
        .body("errors[0].message", containsString("course-v1:"));
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  @Test
  void tenantAdminCreatesInItsOrgAndLearnersReadIt() {
    String number = uniqueNumber();
    String key = "course-v1:main+" + number + "+2026";
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(body(ORG, number))
        .when().post(COURSES)
        .then().statusCode(200).body("course_key", equalTo(key));
    given().auth().oauth2(token("learner")).queryParam("course_key", key)
        .when().get(COURSES)
        .then().statusCode(200)
        .body("course_key", equalTo(key))
        .body("display_name", equalTo("Course " + number));
  }

  @Test
  void rerunCopiesTheSourceCourse() {
    String source = cms.course("tenant-admin", ORG);
    String chapter = cms.block(CmsAuthoring.root(source), "chapter");
    String number = uniqueNumber();
    String rerun = "course-v1:main+" + number + "+2027";
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("""
            {"org": "main", "number": "%s", "run": "2027", "display_name": "Rerun", "source_course_key": "%s"}
            """.formatted(number, source))
        .when().post(COURSES)
        .then().statusCode(200)
        .body("course_key", equalTo(rerun))
        .body("rerun_of", equalTo(source));
    String copied = chapter.replace(source.substring("course-v1:".length()), rerun.substring("course-v1:".length()));
    given().auth().oauth2(token("learner")).queryParam("locator", copied)
        .when().get(XBLOCK + "/get-details")
        .then().statusCode(200).body("category", equalTo("chapter")).body("courseKey", equalTo(rerun));
  }

  @Test
  void anExistingCourseKeyIsAConflict() {
    String number = uniqueNumber();
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(body(ORG, number))
        .post(COURSES).then().statusCode(200);
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(body(ORG, number))
        .when().post(COURSES).then(), 409)
        .body("detail", containsString("already"));
  }

  @Test
  void rerunOfAnUnknownCourseIsRefusedByTheCms() {
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("""
            {"org": "main", "number": "%s", "run": "2026", "display_name": "R", "source_course_key": "course-v1:main+Nope+2020"}
            """.formatted(uniqueNumber()))
        .when().post(COURSES).then(), 400)
        .body("errors[0].field", equalTo("source_course_key"));
  }

  @Test
  void theOpenApiDocumentNamesTheCourseReadAndItsParameter() {
    given().queryParam("format", "json")
        .when().get("/q/openapi")
        .then().statusCode(200)
        .body("paths.'/api/ibl/manage/course'.get.parameters.name", hasItem("course_key"))
        .body("paths.'/api/ibl/manage/course'.get.description", containsString("GET /api/ibl/manage/course?course_key="))
        .body("paths.'/api/ibl/manage/course'.post.summary", containsString("rerun"));
  }

  @Test
  void unknownCourseIs404() {
    assertProblem(given().auth().oauth2(token("learner")).queryParam("course_key", "course-v1:main+Nope+2020")
        .when().get(COURSES).then(), 404);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ not json",
      "[]",
      "",
      "{\"number\": \"N1\", \"run\": \"2026\", \"display_name\": \"No org\"}",
      "{\"org\": \"main\", \"run\": \"2026\", \"display_name\": \"No number\"}",
      "{\"org\": \"main\", \"number\": \"N1\", \"display_name\": \"No run\"}",
      "{\"org\": \"main\", \"number\": \"N1\", \"run\": \"2026\"}",
      "{\"org\": 123, \"number\": \"N1\", \"run\": \"2026\", \"display_name\": \"x\"}",
      "{\"org\": \"main\", \"number\": [\"N1\"], \"run\": \"2026\", \"display_name\": \"x\"}",
      "{\"org\": \"main\", \"number\": \"N1\", \"run\": \"2026\", \"display_name\": true}",
      "{\"org\": \"main\", \"number\": \"has spaces\", \"run\": \"2026\", \"display_name\": \"x\"}",
      "{\"org\": \"main\", \"number\": \"N+1\", \"run\": \"2026\", \"display_name\": \"x\"}",
      "{\"org\": \"main\", \"number\": \"N1\", \"run\": \"2026\", \"display_name\": \"\"}",
      "{\"org\": \"main\", \"number\": \"N1\", \"run\": \"2026\", \"display_name\": \"x\", \"source_course_key\": \"\"}",
      "{\"org\": \"main\", \"number\": \"N1\", \"run\": \"2026\", \"display_name\": \"x\", \"source_course_key\": \"course-v1:main+N0\"}",
      "{\"org\": \"main\", \"number\": \"N1\", \"run\": \"2026\", \"display_name\": \"x\", \"source_course_key\": 7}"
  })
  void badBodiesAreRefusedAndNothingIsSentUpstream(String body) {
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(body)
        .when().post(COURSES).then(), 400);
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  @Test
  void wrongTypeNamesTheField() {
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("{\"org\": \"main\", \"number\": \"N1\", \"run\": 2026, \"display_name\": \"x\"}")
        .when().post(COURSES)
        .then().statusCode(400).body("errors[0].field", equalTo("run"));
  }

  @Test
  void oversizedBodyIsRefused() {
    String huge = "{\"org\": \"main\", \"number\": \"N1\", \"run\": \"2026\", \"display_name\": \"" + "x".repeat(300_000) + "\"}";
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(huge)
        .when().post(COURSES).then(), 413);
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "main+CS1+2026", "course-v1:main+CS1", "course-v1:main+CS 1+2026", "block-v1:main+CS1+2026+type@course+block@course"})
  void badCourseKeysAreRefused(String key) {
    assertProblem(given().auth().oauth2(token("learner")).queryParam("course_key", key)
        .when().get(COURSES).then(), 400)
        .body("errors[0].field", equalTo("course_key"));
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  @Test
  void noTokenIs401() {
    assertProblem(given().contentType(ContentType.JSON).body(body(ORG, uniqueNumber()))
        .when().post(COURSES).then(), 401).header("WWW-Authenticate", containsString("Bearer"));
    assertProblem(given().queryParam("course_key", "course-v1:main+CS1+2026").when().get(COURSES).then(), 401);
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
  }

  @Test
  void expiredTokenIs401() {
    assertProblem(given().auth().oauth2(emulator.tokens().expiredTokenFor("tenant-admin"))
        .contentType(ContentType.JSON).body(body(ORG, uniqueNumber())).when().post(COURSES).then(), 401);
    assertThat(emulator.requests().writesTo(Upstream.CMS)).isEmpty();
  }

  @Test
  void badlySignedTokenIs401() {
    assertProblem(given().auth().oauth2(emulator.tokens().badlySignedTokenFor("ibl-admin"))
        .contentType(ContentType.JSON).body(body(ORG, uniqueNumber())).when().post(COURSES).then(), 401);
    assertThat(emulator.requests().writesTo(Upstream.CMS)).isEmpty();
  }

  @Test
  void learnerCannotCreateCourses() {
    assertProblem(given().auth().oauth2(token("learner")).contentType(ContentType.JSON).body(body(ORG, uniqueNumber()))
        .when().post(COURSES).then(), 403);
    assertThat(emulator.requests().writesTo(Upstream.CMS)).isEmpty();
  }

  @Test
  void anotherTenantsAdminCannotWriteOrReadThisOrgsCourses() {
    String key = cms.course("tenant-admin", ORG);
    emulator.requests().clear();

    assertProblem(given().auth().oauth2(token("other-admin")).contentType(ContentType.JSON).body(body(ORG, uniqueNumber()))
        .when().post(COURSES).then(), 403);
    assertProblem(given().auth().oauth2(token("other-admin")).queryParam("course_key", key)
        .when().get(COURSES).then(), 403);
    assertProblem(given().auth().oauth2(token("other-learner")).queryParam("course_key", key)
        .when().get(COURSES).then(), 403);
    // Nor copy it into its own org.
    assertProblem(given().auth().oauth2(token("other-admin")).contentType(ContentType.JSON)
        .body("""
            {"org": "other", "number": "%s", "run": "2026", "display_name": "Copy", "source_course_key": "%s"}
            """.formatted(uniqueNumber(), key))
        .when().post(COURSES).then(), 403);
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();

    // In its own org it may.
    given().auth().oauth2(token("other-admin")).contentType(ContentType.JSON).body(body("other", uniqueNumber()))
        .when().post(COURSES).then().statusCode(200);
  }

  @Test
  void createWhileCmsIsDownAnswers503AndStoresNothing() {
    String number = uniqueNumber();
    emulator.fail(Upstream.CMS, Fault.down());
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(body(ORG, number))
        .when().post(COURSES).then(), 503).header("Retry-After", notNullValue());
    // Nothing was kept locally: with the CMS still down there is no copy to serve.
    CircuitBreakerMaintenance.get().resetAll();
    assertProblem(given().auth().oauth2(token("tenant-admin")).queryParam("course_key", "course-v1:main+" + number + "+2026")
        .when().get(COURSES).then(), 503).header("Retry-After", notNullValue());
  }

  @Test
  void createWhenCmsFailsAnswers502AndIsNotRetried() {
    emulator.fail(Upstream.CMS, Fault.status(500));
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(body(ORG, uniqueNumber()))
        .when().post(COURSES).then(), 502)
        .header("Retry-After", notNullValue())
        .body(org.hamcrest.Matchers.not(containsString("<html>")));
    assertThat(emulator.requests().writesTo(Upstream.CMS)).hasSize(1);
  }

  @Test
  void createWhenCmsIsSlowAnswers504() {
    emulator.fail(Upstream.CMS, Fault.latency(5_000));
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(body(ORG, uniqueNumber()))
        .when().post(COURSES).then(), 504).header("Retry-After", notNullValue());
  }

  @Test
  void staleReadWhenCmsIsDown() {
    String key = cms.course("tenant-admin", ORG);
    emulator.fail(Upstream.CMS, Fault.down());
    given().auth().oauth2(token("learner")).queryParam("course_key", key)
        .when().get(COURSES)
        .then().statusCode(200)
        .body("course_key", equalTo(key))
        .header("Cache-Status", containsString("stale"))
        .header("Age", notNullValue());
  }

  @Test
  void readsAreRevalidatedAndRetriedOnceWhenTheCmsHiccups() {
    String key = cms.course("tenant-admin", ORG);
    emulator.requests().clear();
    emulator.fail(Upstream.CMS, Fault.status(502).times(1));
    given().auth().oauth2(token("learner")).queryParam("course_key", key)
        .when().get(COURSES)
        .then().statusCode(200)
        .header("Cache-Status", containsString("fwd=stale"));
    assertThat(emulator.requests().to(Upstream.CMS)).hasSize(2);
  }

  @Test
  void readWithNoCopyWhileCmsFailsAnswers502Or503() {
    emulator.fail(Upstream.CMS, Fault.status(503));
    assertProblem(given().auth().oauth2(token("learner")).queryParam("course_key", "course-v1:main+" + uniqueNumber() + "+1")
        .when().get(COURSES).then(), 502).header("Retry-After", notNullValue());
    emulator.fail(Upstream.CMS, Fault.down());
    CircuitBreakerMaintenance.get().resetAll();
    assertProblem(given().auth().oauth2(token("learner")).queryParam("course_key", "course-v1:main+" + uniqueNumber() + "+1")
        .when().get(COURSES).then(), 503).header("Retry-After", notNullValue());
  }

  @Test
  void recoversByItselfWhenCmsIsBack() throws InterruptedException {
    emulator.fail(Upstream.CMS, Fault.down());
    for (int i = 0; i < 4; i++) {
      given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(body(ORG, uniqueNumber())).post(COURSES);
    }
    // The breaker is open now: calls fail fast without reaching the CMS.
    emulator.faults().clear();
    emulator.requests().clear();
    assertProblem(given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(body(ORG, uniqueNumber()))
        .when().post(COURSES).then(), 503);
    assertThat(emulator.requests().to(Upstream.CMS)).isEmpty();
    Thread.sleep(2_300); // past %test breaker-delay (2S)
    String number = uniqueNumber();
    given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON).body(body(ORG, number))
        .when().post(COURSES).then().statusCode(200).body("course_key", equalTo("course-v1:main+" + number + "+2026"));
  }
}
