package ai.ibl.suite.catalog.pathway;

import static ai.ibl.suite.catalog.CatalogTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
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
class PathwayResourceTest {
  private static final String PATHWAYS = "/api/catalog/pathways/";
  private static final String SEED = """
      {
        "username": "user123",
        "user_id": 123,
        "pathway_id": "pathway-id",
        "name": "Pathway Name",
        "path": [],
        "data": { "additional": "data" }
      }
      """;

  @InjectEmulator
  PlatformEmulator emulator;

  CatalogTestSupport api;

  @BeforeEach
  void support() {
    api = new CatalogTestSupport(emulator);
  }

  private static String pathway(String pathwayId, long userId, String extra) {
    return pathway(pathwayId, userId, "Pathway " + pathwayId, "[]", extra);
  }

  private static String pathway(String pathwayId, long userId, String name, String path, String extra) {
    return """
        { "pathway_id": "%s", "user_id": %d, "name": "%s", "path": %s%s }
        """.formatted(pathwayId, userId, name, path, extra.isEmpty() ? "" : ", " + extra);
  }

  private int create(String pathwayId, long userId, String extra) {
    return api.as("tenant-admin").body(pathway(pathwayId, userId, extra)).post(PATHWAYS)
        .then().statusCode(200).extract().path("id");
  }

  @Test
  void seedExampleCreatesThePathwayAndListsItBack() {
    int id = api.as("tenant-admin").body(SEED).when().post(PATHWAYS)
        .then().statusCode(200)
        .body("pathway_id", equalTo("pathway-id"))
        .body("name", equalTo("Pathway Name"))
        .body("path", equalTo("[]"))
        .body("platform_key", equalTo("main"))
        .body("data.additional", equalTo("data"))
        .extract().path("id");
    var sent = emulator.requests().writesTo(Upstream.MANAGER);
    assertThat(sent).hasSize(1);
    assertThat(JsonPath.from(sent.get(0).body()).getString("platform_key")).isEqualTo("main");

    api.as("learner").queryParam("pathway_id", "pathway-id").when().get(PATHWAYS)
        .then().statusCode(200).body("id", contains(id)).header("Cache-Status", notNullValue());
  }

  @Test
  void theOwnerWritesTheirOwnPathwayButNotSomeoneElses() {
    String pathwayId = unique("path");
    api.as("learner").body(pathway(pathwayId, 3, "\"username\": \"learner\"")).post(PATHWAYS).then().statusCode(200);
    emulator.requests().clear();
    api.refused(api.as("learner").body(pathway(unique("path"), 123, "")).post(PATHWAYS), 403);
    api.refused(api.as("learner").queryParam("pathway_id", pathwayId).queryParam("user_id", 123).delete(PATHWAYS), 403);
    api.as("learner").queryParam("pathway_id", pathwayId).queryParam("user_id", 3).delete(PATHWAYS)
        .then().statusCode(200).body("count", equalTo(1));
  }

  @Test
  void postingTheSamePathwayIdForTheSameOwnerUpdatesIt() {
    String pathwayId = unique("path");
    int first = create(pathwayId, 123, "");
    api.as("tenant-admin").body(pathway(pathwayId, 123, "Renamed", "[]", "")).post(PATHWAYS).then().statusCode(200).body("id", equalTo(first)).body("name", equalTo("Renamed"));
  }

  @Test
  void listHonoursEveryFilterOfTheContract() {
    String a = unique("path");
    String b = unique("path");
    int first = api.as("tenant-admin").body(pathway(a, 123, "Pathway " + a,
            "[{\"item_id\": \"course-v1:Org+A+Run\", \"position\": 0}]", "\"username\": \"user123\", \"slug\": \"" + a + "\""))
        .post(PATHWAYS).then().statusCode(200).extract().path("id");
    int second = create(b, 456, "\"visible\": false");
    String uuid = api.as("learner").queryParam("pathway_id", a).get(PATHWAYS).then().extract().path("[0].pathway_uuid");

    api.as("learner").queryParam("item_id", "course-v1:Org+A+Run").get(PATHWAYS).then().statusCode(200).body("id", contains(first));
    api.as("learner").queryParam("name", "Pathway " + b).get(PATHWAYS).then().statusCode(200).body("id", contains(second));
    api.as("learner").queryParam("pathway_uuid", uuid).get(PATHWAYS).then().statusCode(200).body("id", contains(first));
    api.as("learner").queryParam("platform_key", "main").queryParam("pathway_id", b).get(PATHWAYS).then().statusCode(200).body("id", contains(second));
    api.as("learner").queryParam("slug", a.toUpperCase()).get(PATHWAYS).then().statusCode(200).body("id", contains(first));
    api.as("learner").queryParam("user_id", 456).get(PATHWAYS).then().statusCode(200).body("id", contains(second));
    api.as("learner").queryParam("username", "user123").get(PATHWAYS).then().statusCode(200).body("id", contains(first));
    api.as("learner").queryParam("visible", false).get(PATHWAYS).then().statusCode(200).body("id", contains(second));
  }

  @Test
  void deleteRemovesThePathwayUpstreamAndFromTheReadModel() {
    String pathwayId = unique("path");
    create(pathwayId, 123, "");
    api.as("tenant-admin").queryParam("pathway_id", pathwayId).queryParam("user_id", 123).delete(PATHWAYS)
        .then().statusCode(200).body("count", equalTo(1)).body("type", notNullValue());
    assertThat(PathwayReadModel.count("pathwayId", pathwayId)).isZero();
    api.as("learner").queryParam("pathway_id", pathwayId).get(PATHWAYS).then().statusCode(200).body("$", empty());
  }

  @Test
  void deleteWithoutPathwayIdOrUserIdIsRefused() {
    api.refused(api.as("tenant-admin").queryParam("user_id", 123).delete(PATHWAYS), 400);
    api.refused(api.as("tenant-admin").queryParam("pathway_id", "p").delete(PATHWAYS), 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"visible=maybe", "user_id=abc", "user_id=0"})
  void badFiltersAreRefusedNotCoerced(String param) {
    String[] kv = param.split("=");
    api.refused(api.as("learner").queryParam(kv[0], kv[1]).get(PATHWAYS), 400).body("errors[0].field", equalTo(kv[0]));
    api.refused(api.as("tenant-admin").queryParam("pathway_id", "p").queryParam("user_id", "abc").delete(PATHWAYS), 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ not json",
      "[]",
      "{\"name\": \"n\", \"path\": []}",
      "{\"user_id\": 5, \"path\": []}",
      "{\"user_id\": 5, \"name\": \"n\"}",
      "{\"user_id\": \"abc\", \"name\": \"n\", \"path\": []}",
      "{\"user_id\": 5, \"name\": \"n\", \"path\": \"a,b\"}",
      "{\"user_id\": 5, \"name\": \"n\", \"path\": [{}]}",
      "{\"user_id\": 5, \"name\": \"n\", \"path\": [], \"slug\": \"has spaces\"}",
      "{\"user_id\": 5, \"name\": \"n\", \"path\": [], \"pathway_uuid\": \"not-a-uuid\"}",
      "{\"user_id\": 5, \"name\": \"n\", \"path\": [], \"visible\": \"yes\"}",
      ""
  })
  void badBodiesAreRefusedAndNothingIsSentUpstream(String body) {
    api.refused(api.as("tenant-admin").body(body).post(PATHWAYS), 400);
  }

  @Test
  void wrongTypeNamesTheField() {
    api.refused(api.as("tenant-admin").body("{\"user_id\": \"abc\", \"name\": \"n\", \"path\": []}").post(PATHWAYS), 400)
        .body("errors[0].field", equalTo("user_id"));
  }

  @Test
  void oversizedBodyIsRefused() {
    api.refused(api.as("tenant-admin").body(pathway("p", 5, "\"data\": \"" + "x".repeat(300_000) + "\"")).post(PATHWAYS), 413);
  }

  @Test
  void unauthenticatedCallsAreRefused() {
    api.assertUnauthenticatedRefused(spec -> spec.body(SEED).post(PATHWAYS));
    api.assertUnauthenticatedRefused(spec -> spec.get(PATHWAYS));
    api.assertUnauthenticatedRefused(spec -> spec.queryParam("pathway_id", "p").queryParam("user_id", 123).delete(PATHWAYS));
  }

  @Test
  void anotherTenantsAdminCannotTouchThisTenantsPathways() {
    String pathwayId = unique("path");
    create(pathwayId, 123, "");
    emulator.requests().clear();
    api.refused(api.as("other-admin").body(pathway(pathwayId, 123, "\"platform_key\": \"main\"")).post(PATHWAYS), 403);
    api.refused(api.as("other-admin").queryParam("platform_key", "main").get(PATHWAYS), 403);
    api.refused(api.as("other-admin").queryParam("platform_key", "main").queryParam("pathway_id", pathwayId)
        .queryParam("user_id", 123).delete(PATHWAYS), 403);
    api.as("other-admin").queryParam("pathway_id", pathwayId).get(PATHWAYS).then().statusCode(200).body("$", empty());
  }

  @Test
  void upstreamFaultsOnWritesAreMappedAndNothingIsKept() {
    String pathwayId = unique("path");
    api.assertUpstreamFaultsMapped(() -> api.as("tenant-admin").body(pathway(pathwayId, 123, "")).post(PATHWAYS));
    api.assertUpstreamFaultsMapped(() -> api.as("tenant-admin").queryParam("pathway_id", pathwayId).queryParam("user_id", 123).delete(PATHWAYS));
    assertThat(PathwayReadModel.count("pathwayId", pathwayId)).isZero();
  }

  @Test
  void staleListWhenManagerIsDown() {
    String pathwayId = unique("path");
    int id = create(pathwayId, 123, "");
    api.as("learner").queryParam("pathway_id", pathwayId).get(PATHWAYS).then().statusCode(200);
    api.assertServedStale(() -> api.as("learner").queryParam("pathway_id", pathwayId).get(PATHWAYS)).body("id", contains(id));
  }

  @Test
  void listNeverReadWhileManagerIsDownAnswers503() {
    api.assertNoCopyIs503(() -> api.as("learner").queryParam("pathway_id", unique("path")).get(PATHWAYS));
  }
}
