package ai.ibl.suite.catalog.program;

import static ai.ibl.suite.catalog.CatalogTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.suite.catalog.CatalogTestSupport;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@UpstreamSlate
class ProgramResourceTest {
  private static final String PROGRAMS = "/api/catalog/programs/";
  private static final String SEED = """
      {
        "org": "org-name",
        "program_id": "program-id",
        "name": "Program Name",
        "slug": "program-slug"
      }
      """;

  @InjectEmulator
  PlatformEmulator emulator;

  CatalogTestSupport api;

  @BeforeEach
  void support() {
    api = new CatalogTestSupport(emulator);
  }

  private static String program(String programId, String extra) {
    return """
        { "program_id": "%s", "name": "Program %s", "slug": "%s"%s }
        """.formatted(programId, programId, programId, extra.isEmpty() ? "" : ", " + extra);
  }

  private int create(String programId, String extra) {
    return api.as("tenant-admin").body(program(programId, extra)).post(PROGRAMS)
        .then().statusCode(200).extract().path("id");
  }

  @Test
  void seedExampleCreatesTheProgramWithAnEmptyCourseListAndListsItBack() {
    int id = api.as("ibl-admin").body(SEED).when().post(PROGRAMS)
        .then().statusCode(200)
        .body("name", equalTo("Program Name"))
        .body("institution.name", equalTo("org-name"))
        .extract().path("id");

    var sent = emulator.requests().writesTo(Upstream.MANAGER);
    assertThat(sent).hasSize(1);
    JsonPath body = JsonPath.from(sent.get(0).body());
    assertThat(body.getList("course_list")).isEmpty();
    assertThat(body.getString("org")).isEqualTo("org-name");
    assertThat(body.getString("program_id")).isEqualTo("program-id");

    api.as("ibl-admin").queryParam("org", "org-name").queryParam("program_id", "program-id")
        .when().get(PROGRAMS)
        .then().statusCode(200)
        .body("id", contains(id))
        .header("Cache-Status", notNullValue());
  }

  @Test
  void postingTheSameProgramIdUpdatesIt() {
    String programId = unique("prog");
    int first = create(programId, "");
    api.as("tenant-admin").body("{\"program_id\": \"" + programId + "\", \"name\": \"Renamed\"}").post(PROGRAMS)
        .then().statusCode(200).body("id", equalTo(first)).body("name", equalTo("Renamed"));
    api.as("learner").queryParam("program_id", programId).get(PROGRAMS)
        .then().statusCode(200).body("name", contains("Renamed"));
  }

  @Test
  void listHonoursEveryFilterOfTheContract() {
    String a = unique("prog");
    String b = unique("prog");
    int first = create(a, "\"course_list\": [{\"course_id\": \"course-v1:Org+A+Run\"}]");
    int second = create(b, "\"enabled\": false, \"course_list\": [{\"course_id\": \"course-v1:Org+B+Run\", \"position\": 1}]");

    api.as("learner").queryParam("course_id", "course-v1:Org+A+Run").get(PROGRAMS).then().statusCode(200).body("id", contains(first));
    api.as("learner").queryParam("enabled", false).queryParam("program_id", b).get(PROGRAMS).then().statusCode(200).body("id", contains(second));
    api.as("learner").queryParam("enabled", true).queryParam("program_id", b).get(PROGRAMS).then().statusCode(200).body("$", empty());
    api.as("learner").queryParam("name", "Program " + a).get(PROGRAMS).then().statusCode(200).body("id", contains(first));
    api.as("learner").queryParam("slug", b.toUpperCase()).get(PROGRAMS).then().statusCode(200).body("id", contains(second));
    api.as("learner").queryParam("org", "main").get(PROGRAMS).then().statusCode(200).body("id", org.hamcrest.Matchers.hasItems(first, second));
  }

  @Test
  void deleteRemovesTheProgramUpstreamAndFromTheReadModel() {
    String programId = unique("prog");
    create(programId, "");
    api.as("tenant-admin").queryParam("org", "main").queryParam("program_id", programId)
        .when().delete(PROGRAMS)
        .then().statusCode(200).body("count", equalTo(1)).body("type", notNullValue());
    assertThat(ProgramReadModel.count("programId", programId)).isZero();
    api.as("tenant-admin").queryParam("program_id", programId).get(PROGRAMS).then().statusCode(200).body("$", empty());
  }

  @Test
  void deleteWithoutOrgOrProgramIdIsRefused() {
    api.refused(api.as("tenant-admin").queryParam("org", "main").delete(PROGRAMS), 400);
    api.refused(api.as("tenant-admin").queryParam("program_id", "x").delete(PROGRAMS), 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"enabled=yes", "enabled=1"})
  void badFiltersAreRefusedNotCoerced(String param) {
    String[] kv = param.split("=");
    api.refused(api.as("learner").queryParam(kv[0], kv[1]).get(PROGRAMS), 400).body("errors[0].field", equalTo(kv[0]));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ not json",
      "[]",
      "{\"name\": \"no program id\"}",
      "{\"program_id\": \"p\"}",
      "{\"program_id\": \"p\", \"name\": 123}",
      "{\"program_id\": 7, \"name\": \"n\"}",
      "{\"program_id\": \"p\", \"name\": \"n\", \"slug\": \"has spaces\"}",
      "{\"program_id\": \"p\", \"name\": \"n\", \"course_list\": \"course\"}",
      "{\"program_id\": \"p\", \"name\": \"n\", \"course_list\": [{}]}",
      "{\"program_id\": \"p\", \"name\": \"n\", \"program_type\": \"nonsense\"}",
      "{\"program_id\": \"p\", \"name\": \"n\", \"enabled\": \"yes\"}",
      ""
  })
  void badBodiesAreRefusedAndNothingIsSentUpstream(String body) {
    api.refused(api.as("tenant-admin").body(body).post(PROGRAMS), 400);
  }

  @Test
  void tooLongNameAndWrongTypeNameTheField() {
    api.refused(api.as("tenant-admin").body("{\"program_id\": \"p\", \"name\": \"" + "n".repeat(101) + "\"}").post(PROGRAMS), 400)
        .body("errors[0].field", equalTo("name"));
    api.refused(api.as("tenant-admin").body("{\"program_id\": 7, \"name\": \"n\"}").post(PROGRAMS), 400)
        .body("errors[0].field", equalTo("program_id"));
  }

  @Test
  void oversizedBodyIsRefused() {
    api.refused(api.as("tenant-admin").body("{\"program_id\": \"p\", \"name\": \"" + "x".repeat(300_000) + "\"}").post(PROGRAMS), 413);
  }

  @Test
  void unauthenticatedCallsAreRefused() {
    api.assertUnauthenticatedRefused(spec -> spec.body(program(unique("prog"), "")).post(PROGRAMS));
    api.assertUnauthenticatedRefused(spec -> spec.get(PROGRAMS));
    api.assertUnauthenticatedRefused(spec -> spec.queryParam("org", "main").queryParam("program_id", "p").delete(PROGRAMS));
  }

  @Test
  void learnerCannotWriteOrDeletePrograms() {
    api.refused(api.as("learner").body(program(unique("prog"), "")).post(PROGRAMS), 403);
    api.refused(api.as("learner").queryParam("org", "main").queryParam("program_id", "p").delete(PROGRAMS), 403);
  }

  @Test
  void anotherTenantsAdminCannotTouchThisTenantsPrograms() {
    String programId = unique("prog");
    create(programId, "");
    emulator.requests().clear();
    api.refused(api.as("other-admin").body(program(programId, "\"org\": \"main\"")).post(PROGRAMS), 403);
    api.refused(api.as("other-admin").queryParam("org", "main").get(PROGRAMS), 403);
    api.refused(api.as("other-admin").queryParam("org", "main").queryParam("program_id", programId).delete(PROGRAMS), 403);
    // In its own tenant the program does not exist.
    api.as("other-admin").queryParam("program_id", programId).get(PROGRAMS).then().statusCode(200).body("$", empty());
  }

  @Test
  void upstreamFaultsOnWritesAreMappedAndNothingIsKept() {
    String programId = unique("prog");
    api.assertUpstreamFaultsMapped(() -> api.as("tenant-admin").body(program(programId, "")).post(PROGRAMS));
    api.assertUpstreamFaultsMapped(() -> api.as("tenant-admin").queryParam("org", "main").queryParam("program_id", programId).delete(PROGRAMS));
    assertThat(ProgramReadModel.count("programId", programId)).isZero();
  }

  @Test
  void staleListWhenManagerIsDown() {
    String programId = unique("prog");
    int id = create(programId, "");
    api.as("learner").queryParam("program_id", programId).get(PROGRAMS).then().statusCode(200);
    api.assertServedStale(() -> api.as("learner").queryParam("program_id", programId).get(PROGRAMS))
        .body("id", contains(id));
  }

  @Test
  void listNeverReadWhileManagerIsDownAnswers503() {
    api.assertNoCopyIs503(() -> api.as("learner").queryParam("program_id", unique("prog")).get(PROGRAMS));
  }

  @Test
  void listReadFromTheManagerReplacesWhatItNoLongerHas() {
    String programId = unique("prog");
    create(programId, "");
    api.managerDirectly().queryParam("org", "main").queryParam("program_id", programId)
        .delete("/api/catalog/programs/").then().statusCode(200);
    api.as("learner").queryParam("program_id", programId).get(PROGRAMS).then().statusCode(200).body("$", hasSize(0));
    assertThat(ProgramReadModel.count("programId", programId)).isZero();
  }

  @Test
  void courseFilterAnswersEveryProgramHoldingTheCourse() {
    String a = unique("prog");
    int first = create(a, "\"course_list\": [{\"course_id\": \"course-v1:Org+Shared+Run\"}]");
    int second = create(unique("prog"), "\"course_list\": [{\"course_id\": \"course-v1:Org+Shared+Run\"}]");
    api.as("learner").queryParam("course_id", "course-v1:Org+Shared+Run").get(PROGRAMS)
        .then().statusCode(200).body("id", containsInAnyOrder(first, second));
  }
}
