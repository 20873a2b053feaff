package ai.ibl.suite.mentor.mentor;

import static ai.ibl.suite.mentor.mentor.SeedMentor.CREATE;
import static ai.ibl.suite.mentor.mentor.SeedMentor.path;
import static ai.ibl.suite.mentor.mentor.SeedMentor.storedMentors;
import static ai.ibl.suite.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Fault;
import ai.ibl.emulator.core.RecordedRequest;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@UpstreamSlate
class MentorResourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MAIN = path("main", "tenant-admin");

  @InjectEmulator
  PlatformEmulator emulator;

  @BeforeEach
  void cleanSlate() {
    SeedMentor.forgetEverything(emulator);
  }

  private String token(String user) {
    return emulator.tokens().tokenFor(user);
  }

  private RequestSpecification as(String user) {
    return given().auth().oauth2(token(user));
  }

  private int createSeed() {
    return as("tenant-admin").contentType(ContentType.JSON).body(SeedMentor.JSON)
        .post(CREATE).then().statusCode(200).extract().path("id");
  }

  private void assertNothingSentOrStored() {
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
    assertThat(storedMentors()).isZero();
  }

  // --- Create, in every content type the Manager's description lists -------------------------

  @Test
  void seedBodyAsJsonCreatesTheMentorAndServesItBack() throws Exception {
    int id = as("tenant-admin").contentType(ContentType.JSON).body(SeedMentor.JSON)
        .when().post(CREATE)
        .then().statusCode(200)
        .body("name", equalTo("AI Cover Letter Helper1"))
        .body("platform", equalTo("main"))
        .body("slug", equalTo("ai-cover-letter-helper1"))
        .body("metadata.category", equalTo("Job"))
        .body("moderation_system_prompt", equalTo(SeedMentor.MODERATION))
        .body("proactive_response", equalTo(SeedMentor.PROACTIVE_MESSAGE))
        .body("proactive_prompt", equalTo(SeedMentor.PROACTIVE_PROMPT))
        .body("allow_anonymous", equalTo(true))
        .extract().path("id");

    List<RecordedRequest> sent = emulator.requests().writesTo(Upstream.MANAGER);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).path()).isEqualTo("/api/ai-mentor/orgs/main/users/tenant-admin/mentor-with-settings/");
    assertThat(sent.get(0).header("Authorization")).isEqualTo("Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN);
    assertThat(sent.get(0).header("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(sent.get(0).body());
    // Seed-only names are sent as the Manager's described fields; the alias stays here.
    assertThat(body.path("moderation_system_prompt").asText()).isEqualTo(SeedMentor.MODERATION);
    assertThat(body.path("proactive_response").asText()).isEqualTo(SeedMentor.PROACTIVE_MESSAGE);
    assertThat(body.has("moderation_prompt")).isFalse();
    assertThat(body.has("proactive_message")).isFalse();
    assertThat(body.has("slug")).isFalse();
    assertThat(body.path("system_prompt").asText()).isEqualTo(SeedMentor.SYSTEM_PROMPT);
    assertThat(body.path("description").asText()).isEqualTo(SeedMentor.DESCRIPTION);
    assertThat(body.path("seo_tags").isArray()).isTrue();

    for (String key : List.of("ai-cover-letter-helper", "ai-cover-letter-helper1", String.valueOf(id))) {
      as("learner").when().get(path("main", "learner") + "/mentors/" + key + "/")
          .then().statusCode(200)
          .body("id", equalTo(id))
          .body("name", equalTo("AI Cover Letter Helper1"))
          .header("Cache-Status", notNullValue());
    }
    as("tenant-admin").when().get(MAIN + "/mentors/ai-cover-letter-helper/settings/")
        .then().statusCode(200)
        .body("mentor_id", equalTo(id))
        .body("display_name", equalTo("AI Cover Letter Helper1"))
        .body("mentor_visibility", equalTo("viewable_by_anyone"))
        .body("mentor_description", equalTo(SeedMentor.DESCRIPTION))
        .body("allow_anonymous", equalTo(true));
    as("learner").when().get(path("main", "learner") + "/mentors/")
        .then().statusCode(200)
        .body("result.count", equalTo(1))
        .body("result.data[0].id", equalTo(id));
  }

  @Test
  void seedBodyAsUrlEncodedFormCreatesTheSameMentor() throws Exception {
    as("tenant-admin").contentType(ContentType.URLENC).formParams(SeedMentor.form())
        .when().post(CREATE)
        .then().statusCode(200)
        .body("slug", equalTo("ai-cover-letter-helper1"))
        .body("metadata.category", equalTo("Job"))
        .body("moderation_system_prompt", equalTo(SeedMentor.MODERATION));
    assertSentLikeTheJsonSeed();
    as("tenant-admin").when().get(MAIN + "/mentors/ai-cover-letter-helper/")
        .then().statusCode(200).body("proactive_response", equalTo(SeedMentor.PROACTIVE_MESSAGE));
  }

  @Test
  void seedBodyAsMultipartCreatesTheSameMentor() throws Exception {
    RequestSpecification request = as("tenant-admin");
    SeedMentor.form().forEach(request::multiPart);
    request.when().post(CREATE)
        .then().statusCode(200)
        .body("slug", equalTo("ai-cover-letter-helper1"))
        .body("metadata.category", equalTo("Job"));
    assertSentLikeTheJsonSeed();
    as("tenant-admin").when().get(MAIN + "/mentors/ai-cover-letter-helper/settings/")
        .then().statusCode(200).body("mentor_visibility", equalTo("viewable_by_anyone"));
  }

  private void assertSentLikeTheJsonSeed() throws Exception {
    List<RecordedRequest> sent = emulator.requests().writesTo(Upstream.MANAGER);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).header("Content-Type")).startsWith("application/json");
    JsonNode expected = JSON.readTree(SeedMentor.JSON);
    JsonNode actual = JSON.readTree(sent.get(0).body());
    assertThat(actual.get("metadata")).isEqualTo(expected.get("metadata"));
    assertThat(actual.get("seo_tags")).isEqualTo(expected.get("seo_tags"));
    assertThat(actual.get("marketing_conversations")).isEqualTo(expected.get("marketing_conversations"));
    assertThat(actual.path("new_mentor_name").asText()).isEqualTo("AI Cover Letter Helper1");
    assertThat(actual.path("proactive_response").asText()).isEqualTo(SeedMentor.PROACTIVE_MESSAGE);
  }

  @Test
  void formListsAndBooleansAreReadAsThePlatformReadsThem() throws Exception {
    as("tenant-admin").contentType(ContentType.URLENC)
        .formParam("new_mentor_name", "Form Mentor").formParam("template_name", "ai-mentor")
        .formParam("enable_moderation", "true").formParam("llm_temperature", "0.5")
        .formParam("tool_slugs", "web-search").formParam("tool_slugs", "code")
        .when().post(CREATE).then().statusCode(200).body("enable_moderation", equalTo(true));
    JsonNode sent = JSON.readTree(emulator.requests().writesTo(Upstream.MANAGER).get(0).body());
    assertThat(sent.path("enable_moderation").isBoolean()).isTrue();
    assertThat(sent.path("llm_temperature").asDouble()).isEqualTo(0.5);
    assertThat(sent.path("tool_slugs").toString()).isEqualTo("[\"web-search\",\"code\"]");
  }

  @Test
  void aCreatedSlugCannotBeTakenTwiceInATenant() {
    createSeed();
    emulator.requests().clear();
    String again = SeedMentor.named("Another Helper", "ai-cover-letter-helper", "viewable_by_anyone");
    assertProblem(as("tenant-admin").contentType(ContentType.JSON).body(again).when().post(CREATE).then(), 409);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void managerRefusalPassesThroughAndNothingIsStored() {
    String body = SeedMentor.named("Templated", "templated", "viewable_by_anyone").replace("\"ai-mentor\"", "\"no-such-template\"");
    assertProblem(as("tenant-admin").contentType(ContentType.JSON).body(body).when().post(CREATE).then(), 400)
        .body("errors[0].field", equalTo("template_name"));
    assertThat(storedMentors()).isZero();
  }

  // --- Bad input: 400, nothing sent, nothing stored -------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {
      "{ not json",
      "[]",
      "null",
      "{}",
      "{\"template_name\": \"ai-mentor\"}",
      "{\"new_mentor_name\": \"No template\"}",
      "{\"new_mentor_name\": \"\", \"template_name\": \"ai-mentor\"}",
      "{\"new_mentor_name\": 123, \"template_name\": \"ai-mentor\"}",
      "{\"new_mentor_name\": \"x\", \"template_name\": \"ai-mentor\", \"slug\": \"has spaces\"}",
      "{\"new_mentor_name\": \"x\", \"template_name\": \"ai-mentor\", \"mentor_visibility\": \"public\"}",
      "{\"new_mentor_name\": \"x\", \"template_name\": \"ai-mentor\", \"llm_temperature\": 2}",
      "{\"new_mentor_name\": \"x\", \"template_name\": \"ai-mentor\", \"categories\": [\"x\"]}",
      "{\"new_mentor_name\": \"x\", \"template_name\": \"ai-mentor\", \"enable_moderation\": \"yes\"}",
      "{\"new_mentor_name\": \"x\", \"template_name\": \"ai-mentor\", \"system_prompt\": 7}",
      "{\"new_mentor_name\": \"x\", \"template_name\": \"ai-mentor\", \"profile_image\": \"not a url\"}",
      ""
  })
  void badJsonBodiesAreRefusedAndNothingIsSentOrStored(String body) {
    assertProblem(as("tenant-admin").contentType(ContentType.JSON).body(body).when().post(CREATE).then(), 400);
    assertNothingSentOrStored();
  }

  @Test
  void wrongTypeNamesTheField() {
    as("tenant-admin").contentType(ContentType.JSON)
        .body("{\"new_mentor_name\": \"x\", \"template_name\": \"ai-mentor\", \"enable_moderation\": \"yes\"}")
        .when().post(CREATE)
        .then().statusCode(400).body("errors[0].field", equalTo("enable_moderation"));
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    as("tenant-admin").contentType(ContentType.JSON).body("{}")
        .when().post(CREATE)
        .then().statusCode(400)
        .body("errors.field", hasItem("new_mentor_name"))
        .body("errors.field", hasItem("template_name"));
  }

  @Test
  void badFormsAreRefusedWithTheFieldNamed() {
    assertProblem(as("tenant-admin").contentType(ContentType.URLENC).formParam("template_name", "ai-mentor")
        .when().post(CREATE).then(), 400).body("errors[0].field", equalTo("new_mentor_name"));
    assertProblem(as("tenant-admin").contentType(ContentType.URLENC)
        .formParams(Map.of("new_mentor_name", "x", "template_name", "ai-mentor", "enable_moderation", "maybe"))
        .when().post(CREATE).then(), 400).body("errors[0].field", equalTo("enable_moderation"));
    assertProblem(as("tenant-admin").multiPart("new_mentor_name", "x").multiPart("template_name", "ai-mentor")
        .multiPart("categories", "abc").when().post(CREATE).then(), 400)
        .body("errors[0].field", containsString("categories"));
    assertNothingSentOrStored();
  }

  @Test
  void unlistedContentTypeIs415() {
    assertProblem(as("tenant-admin").contentType(ContentType.XML).body("<mentor/>").when().post(CREATE).then(), 415);
    assertNothingSentOrStored();
  }

  @Test
  void oversizedBodyIsRefused() {
    String huge = "{\"new_mentor_name\": \"x\", \"template_name\": \"ai-mentor\", \"system_prompt\": \""
        + "x".repeat(300_000) + "\"}";
    assertProblem(as("tenant-admin").contentType(ContentType.JSON).body(huge).when().post(CREATE).then(), 413);
    assertNothingSentOrStored();
  }

  // --- Who may do what ----------------------------------------------------------------------

  @Test
  void noTokenIs401() {
    assertProblem(given().contentType(ContentType.JSON).body(SeedMentor.JSON).when().post(CREATE).then(), 401)
        .header("WWW-Authenticate", containsString("Bearer"));
    assertProblem(given().when().get(MAIN + "/mentors/").then(), 401);
    assertNothingSentOrStored();
  }

  @Test
  void expiredTokenIs401() {
    assertProblem(given().auth().oauth2(emulator.tokens().expiredTokenFor("tenant-admin"))
        .contentType(ContentType.JSON).body(SeedMentor.JSON).when().post(CREATE).then(), 401);
    assertNothingSentOrStored();
  }

  @Test
  void badlySignedTokenIs401() {
    assertProblem(given().auth().oauth2(emulator.tokens().badlySignedTokenFor("ibl-admin"))
        .contentType(ContentType.JSON).body(SeedMentor.JSON).when().post(CREATE).then(), 401);
    assertNothingSentOrStored();
  }

  @Test
  void learnerCannotCreateMentors() {
    assertProblem(as("learner").contentType(ContentType.JSON).body(SeedMentor.JSON)
        .when().post(path("main", "learner") + "/mentor-with-settings/").then(), 403);
    assertProblem(as("learner").contentType(ContentType.URLENC).formParams(SeedMentor.form())
        .when().post(path("main", "learner") + "/mentor-with-settings/").then(), 403);
    // Refused before the body is even checked.
    assertProblem(as("learner").contentType(ContentType.JSON).body("{}")
        .when().post(path("main", "learner") + "/mentor-with-settings/").then(), 403);
    assertNothingSentOrStored();
  }

  @Test
  void anotherTenantsAdminCannotCreateOrReadHere() {
    int id = createSeed();
    emulator.requests().clear();
    assertProblem(as("other-admin").contentType(ContentType.JSON).body(SeedMentor.JSON)
        .when().post(path("main", "other-admin") + "/mentor-with-settings/").then(), 403);
    assertProblem(as("other-admin").when().get(path("main", "other-admin") + "/mentors/" + id + "/").then(), 403);
    assertProblem(as("other-admin").when().get(path("main", "other-admin") + "/mentors/").then(), 403);
    assertProblem(as("other-learner").when().get(path("main", "other-learner") + "/mentors/ai-cover-letter-helper/settings/").then(), 403);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
    // In its own tenant the mentor does not exist, and its list is empty.
    assertProblem(as("other-admin").when().get(path("other", "other-admin") + "/mentors/ai-cover-letter-helper1/").then(), 404);
    as("other-admin").when().get(path("other", "other-admin") + "/mentors/")
        .then().statusCode(200).body("result.count", equalTo(0)).body("result.data", hasSize(0));
    assertThat(emulator.requests().writesTo(Upstream.MANAGER)).isEmpty();
  }

  @Test
  void learnersReadMentorsAsThemselvesButNotSettings() {
    createSeed();
    as("learner").when().get(path("main", "learner") + "/mentors/ai-cover-letter-helper/").then().statusCode(200);
    assertProblem(as("learner").when().get(path("main", "tenant-admin") + "/mentors/ai-cover-letter-helper/").then(), 403);
    assertProblem(as("learner").when().get(path("main", "learner") + "/mentors/ai-cover-letter-helper/settings/").then(), 403);
  }

  @Test
  void mentorsOnlyAdminsMaySeeAreHiddenFromLearners() {
    as("tenant-admin").contentType(ContentType.JSON)
        .body(SeedMentor.named("Admins Only", "admins-only", "viewable_by_tenant_admins")).post(CREATE).then().statusCode(200);
    as("tenant-admin").contentType(ContentType.JSON)
        .body(SeedMentor.named("For Students", "for-students", "viewable_by_tenant_students")).post(CREATE).then().statusCode(200);

    assertProblem(as("learner").when().get(path("main", "learner") + "/mentors/admins-only/").then(), 404);
    as("tenant-admin").when().get(MAIN + "/mentors/admins-only/").then().statusCode(200);
    as("learner").when().get(path("main", "learner") + "/mentors/")
        .then().statusCode(200)
        .body("result.count", equalTo(1))
        .body("result.data[0].slug", equalTo("for-students"));
    as("tenant-admin").when().get(MAIN + "/mentors/").then().statusCode(200).body("result.count", equalTo(2));
  }

  @Test
  void platformAdminCreatesInAnyTenant() {
    as("ibl-admin").contentType(ContentType.JSON).body(SeedMentor.JSON)
        .when().post(path("other", "ibl-admin") + "/mentor-with-settings/")
        .then().statusCode(200).body("platform", equalTo("other"));
    as("other-learner").when().get(path("other", "other-learner") + "/mentors/ai-cover-letter-helper/")
        .then().statusCode(200).body("platform", equalTo("other"));
  }

  // --- Reads ----------------------------------------------------------------------------------

  @Test
  void unknownMentorIs404() {
    assertProblem(as("tenant-admin").when().get(MAIN + "/mentors/nobody/").then(), 404);
    assertProblem(as("tenant-admin").when().get(MAIN + "/mentors/nobody/settings/").then(), 404);
  }

  @Test
  void mentorGoneFromTheManagerIsForgotten() {
    createSeed();
    emulator.reset();
    assertProblem(as("tenant-admin").when().get(MAIN + "/mentors/ai-cover-letter-helper/").then(), 404);
    assertThat(storedMentors()).isZero();
  }

  @Test
  void listIsPagedInThePlatformEnvelope() {
    for (int i = 1; i <= 3; i++) {
      as("tenant-admin").contentType(ContentType.JSON)
          .body(SeedMentor.named("Mentor " + i, "mentor-" + i, "viewable_by_tenant_students"))
          .post(CREATE).then().statusCode(200);
    }
    emulator.requests().clear();
    as("tenant-admin").queryParam("page_size", 2).when().get(MAIN + "/mentors/")
        .then().statusCode(200)
        .body("status.success", equalTo(true))
        .body("result.count", equalTo(3))
        .body("result.num_pages", equalTo(2))
        .body("result.page_number", equalTo(1))
        .body("result.data", hasSize(2))
        .body("result.data[0].name", equalTo("Mentor 1"))
        .body("result.next", containsString("page=2"))
        .body("result.previous", nullValue());
    as("tenant-admin").queryParam("page_size", 2).queryParam("page", 2).when().get(MAIN + "/mentors/")
        .then().statusCode(200)
        .body("result.data", hasSize(1))
        .body("result.data[0].name", equalTo("Mentor 3"))
        .body("result.next", nullValue());
    // Served from the read model alone.
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
    assertProblem(as("tenant-admin").queryParam("page", 0).when().get(MAIN + "/mentors/").then(), 400);
    assertProblem(as("tenant-admin").queryParam("page_size", 101).when().get(MAIN + "/mentors/").then(), 400);
    assertProblem(as("tenant-admin").queryParam("page", "two").when().get(MAIN + "/mentors/").then(), 400);
  }

  @Test
  void openApiDocumentsTheMentorApi() {
    given().accept("application/json").when().get("/q/openapi")
        .then().statusCode(200)
        .body(containsString("/api/ai-mentor/orgs/{org}/users/{user_id}/mentor-with-settings"))
        .body(containsString("/api/ai-mentor/orgs/{org}/users/{user_id}/mentors/{mentor}/settings"))
        .body(containsString("/api/ai-mentor/orgs/{org}/users/{user_id}/mentors\""))
        .body(containsString("application/x-www-form-urlencoded"))
        .body(containsString("multipart/form-data"))
        .body(containsString("page_size"));
  }

  // --- Faults ---------------------------------------------------------------------------------

  @Test
  void createWhileManagerIsDownAnswers503AndStoresNothing() {
    emulator.fail(Upstream.MANAGER, Fault.down());
    assertProblem(as("tenant-admin").contentType(ContentType.JSON).body(SeedMentor.JSON).when().post(CREATE).then(), 503)
        .header("Retry-After", notNullValue());
    assertThat(storedMentors()).isZero();
    emulator.faults().clear();
    assertProblem(as("tenant-admin").when().get(MAIN + "/mentors/ai-cover-letter-helper/").then(), 404);
  }

  @Test
  void createWhenManagerFailsAnswers502AndIsNotRetried() {
    emulator.fail(Upstream.MANAGER, Fault.status(500));
    assertProblem(as("tenant-admin").contentType(ContentType.JSON).body(SeedMentor.JSON).when().post(CREATE).then(), 502)
        .header("Retry-After", notNullValue())
        .body(not(containsString("<html>")));
    assertThat(emulator.requests().writesTo(Upstream.MANAGER)).hasSize(1);
    assertThat(storedMentors()).isZero();
  }

  @Test
  void createWhenManagerIsSlowAnswers504AndStoresNothing() {
    emulator.fail(Upstream.MANAGER, Fault.latency(4_000));
    assertProblem(as("tenant-admin").contentType(ContentType.JSON).body(SeedMentor.JSON).when().post(CREATE).then(), 504)
        .header("Retry-After", notNullValue());
    assertThat(emulator.requests().writesTo(Upstream.MANAGER)).hasSize(1);
    assertThat(storedMentors()).isZero();
  }

  @Test
  void staleReadsWhenManagerIsDown() {
    createSeed();
    as("tenant-admin").get(MAIN + "/mentors/ai-cover-letter-helper/settings/").then().statusCode(200);
    emulator.fail(Upstream.MANAGER, Fault.down());
    as("learner").when().get(path("main", "learner") + "/mentors/ai-cover-letter-helper/")
        .then().statusCode(200)
        .body("slug", equalTo("ai-cover-letter-helper1"))
        .header("Cache-Status", containsString("stale"))
        .header("Age", notNullValue());
    as("tenant-admin").when().get(MAIN + "/mentors/ai-cover-letter-helper/settings/")
        .then().statusCode(200)
        .body("mentor_visibility", equalTo("viewable_by_anyone"))
        .header("Cache-Status", containsString("stale"));
    as("tenant-admin").when().get(MAIN + "/mentors/").then().statusCode(200).body("result.count", equalTo(1));
  }

  @Test
  void readWithNoCopyWhileManagerFailsAnswers502Or503() {
    emulator.fail(Upstream.MANAGER, Fault.status(503));
    assertProblem(as("learner").when().get(path("main", "learner") + "/mentors/nobody/").then(), 502)
        .header("Retry-After", notNullValue());
    emulator.fail(Upstream.MANAGER, Fault.down());
    CircuitBreakerMaintenance.get().resetAll();
    assertProblem(as("learner").when().get(path("main", "learner") + "/mentors/nobody/").then(), 503)
        .header("Retry-After", notNullValue());
  }

  @Test
  void readWhenManagerIsSlowAndNoCopyAnswers504() {
    emulator.fail(Upstream.MANAGER, Fault.latency(4_000));
    assertProblem(as("learner").when().get(path("main", "learner") + "/mentors/nobody/").then(), 504)
        .header("Retry-After", notNullValue());
  }

  @Test
  void recoversByItselfWhenManagerIsBack() throws InterruptedException {
    emulator.fail(Upstream.MANAGER, Fault.down());
    for (int i = 0; i < 4; i++) {
      as("tenant-admin").contentType(ContentType.JSON).body(SeedMentor.JSON).post(CREATE);
    }
    emulator.faults().clear();
    emulator.requests().clear();
    // The breaker is open: calls fail fast without reaching the Manager.
    assertProblem(as("tenant-admin").contentType(ContentType.JSON).body(SeedMentor.JSON).when().post(CREATE).then(), 503);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
    assertThat(storedMentors()).isZero();
    Thread.sleep(2_300);
    as("tenant-admin").contentType(ContentType.JSON).body(SeedMentor.JSON)
        .when().post(CREATE).then().statusCode(200).body("slug", equalTo("ai-cover-letter-helper1"));
  }
}
