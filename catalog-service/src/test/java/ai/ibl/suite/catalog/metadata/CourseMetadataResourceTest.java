package ai.ibl.suite.catalog.metadata;

import static ai.ibl.suite.catalog.CatalogTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.emulator.manager.CourseMetadataDomain;
import ai.ibl.suite.catalog.CatalogTestSupport;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@UpstreamSlate
class CourseMetadataResourceTest {
  private static final String METADATA = "/api/catalog/metadata/course/";

  @InjectEmulator
  PlatformEmulator emulator;

  CatalogTestSupport api;

  @BeforeEach
  void support() {
    api = new CatalogTestSupport(emulator);
  }

  private static String courseId() {
    return "course-v1:Org+" + unique("c") + "+Run";
  }

  private static String update(String courseId, String metadata, String extra) {
    return "{\"course_id\": \"%s\", \"metadata\": %s%s}".formatted(courseId, metadata, extra.isEmpty() ? "" : ", " + extra);
  }

  private void post(String courseId, String body) {
    api.as("tenant-admin").queryParam("course_id", courseId).body(body).post(METADATA).then().statusCode(200);
  }

  @Test
  void updatesMergeByDefaultReplaceOnRequestAndReadBack() {
    String course = courseId();
    api.as("tenant-admin").queryParam("course_id", course).body(update(course, "{\"level\": \"intro\"}", ""))
        .when().post(METADATA)
        .then().statusCode(200).body("course_id", equalTo(course)).body("metadata.level", equalTo("intro"));
    var sent = emulator.requests().writesTo(Upstream.MANAGER);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).query()).contains("course_id=");

    post(course, update(course, "{\"hours\": 4}", ""));
    assertThat(emulator.domain(CourseMetadataDomain.class).metadataOf(course))
        .isEqualTo(new JsonObject().put("level", "intro").put("hours", 4));
    api.as("learner").queryParam("course_id", course).get(METADATA)
        .then().statusCode(200).body("metadata.level", equalTo("intro")).body("metadata.hours", equalTo(4))
        .header("Cache-Status", notNullValue());

    post(course, update(course, "{\"hours\": 5}", "\"update\": false"));
    assertThat(emulator.domain(CourseMetadataDomain.class).metadataOf(course)).isEqualTo(new JsonObject().put("hours", 5));
    api.as("learner").queryParam("course_id", course).get(METADATA)
        .then().statusCode(200).body("metadata.hours", equalTo(5)).body("metadata.level", nullValue());
  }

  @Test
  void aCourseWithoutMetadataIs404() {
    api.as("learner").queryParam("course_id", courseId()).get(METADATA).then().statusCode(404);
  }

  @Test
  void readingNeedsACourseId() {
    api.refused(api.as("learner").get(METADATA), 400).body("errors[0].field", equalTo("course_id"));
  }

  @Test
  void queryAndBodyMustNameTheSameCourse() {
    api.refused(api.as("tenant-admin").queryParam("course_id", courseId()).body(update(courseId(), "{}", "")).post(METADATA), 400)
        .body("errors[0].field", equalTo("course_id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ not json",
      "[]",
      "{\"metadata\": {}}",
      "{\"course_id\": \"c\"}",
      "{\"course_id\": \"c\", \"metadata\": \"text\"}",
      "{\"course_id\": 5, \"metadata\": {}}",
      "{\"course_id\": \"c\", \"metadata\": {}, \"update\": \"yes\"}",
      ""
  })
  void badBodiesAreRefusedAndNothingIsSentUpstream(String body) {
    api.refused(api.as("tenant-admin").body(body).post(METADATA), 400);
  }

  @Test
  void oversizedBodyIsRefused() {
    api.refused(api.as("tenant-admin").body(update("c", "{\"x\": \"" + "x".repeat(300_000) + "\"}", "")).post(METADATA), 413);
  }

  @Test
  void unauthenticatedCallsAreRefused() {
    String course = courseId();
    api.assertUnauthenticatedRefused(spec -> spec.body(update(course, "{}", "")).post(METADATA));
    api.assertUnauthenticatedRefused(spec -> spec.queryParam("course_id", course).get(METADATA));
  }

  @Test
  void onlyThisTenantsAdminsUpdate() {
    String course = courseId();
    api.refused(api.as("learner").body(update(course, "{}", "")).post(METADATA), 403);
    api.refused(api.as("other-admin").queryParam("platform_key", "main").body(update(course, "{}", "")).post(METADATA), 403);
    api.refused(api.as("other-admin").queryParam("platform_key", "main").queryParam("course_id", course).get(METADATA), 403);
  }

  @Test
  void upstreamFaultsOnWritesAreMappedAndNothingIsKept() {
    String course = courseId();
    api.assertUpstreamFaultsMapped(() -> api.as("tenant-admin").body(update(course, "{\"a\": 1}", "")).post(METADATA));
    assertThat(CourseMetadataReadModel.match("main", course)).isEmpty();
  }

  @Test
  void staleReadWhenManagerIsDown() {
    String course = courseId();
    post(course, update(course, "{\"level\": \"intro\"}", ""));
    api.assertServedStale(() -> api.as("learner").queryParam("course_id", course).get(METADATA))
        .body("metadata.level", equalTo("intro"));
  }

  @Test
  void readWithNoCopyWhileManagerIsDownAnswers503() {
    api.assertNoCopyIs503(() -> api.as("learner").queryParam("course_id", courseId()).get(METADATA));
  }
}
