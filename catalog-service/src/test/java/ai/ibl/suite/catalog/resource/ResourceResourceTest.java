package ai.ibl.suite.catalog.resource;

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
class ResourceResourceTest {
  private static final String RESOURCES = "/api/catalog/resources/";
  private static final String SEED = """
      {
        "name": "Resource Name",
        "url": "https://resource-url.com",
        "resource_type": "book",
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

  private static String resource(String name, String extra) {
    return """
        { "name": "%s", "url": "https://example.com/%s", "resource_type": "video"%s }
        """.formatted(name, name, extra.isEmpty() ? "" : ", " + extra);
  }

  private int create(String name, String extra) {
    return api.as("tenant-admin").body(resource(name, extra)).post(RESOURCES).then().statusCode(200).extract().path("id");
  }

  @Test
  void seedExampleCreatesTheResourceAndListsItBack() {
    int id = api.as("tenant-admin").body(SEED).when().post(RESOURCES)
        .then().statusCode(200)
        .body("name", equalTo("Resource Name"))
        .body("url", equalTo("https://resource-url.com"))
        .body("resource_type", equalTo("book"))
        .body("data.additional", equalTo("data"))
        .extract().path("id");
    var sent = emulator.requests().writesTo(Upstream.MANAGER);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).query()).contains("platform_key=main");
    assertThat(JsonPath.from(sent.get(0).body()).getString("resource_type")).isEqualTo("book");

    api.as("learner").queryParam("id", id).when().get(RESOURCES)
        .then().statusCode(200).body("id", contains(id)).header("Cache-Status", notNullValue());
  }

  @Test
  void postingWithAnIdUpdatesTheResource() {
    int id = create(unique("res"), "");
    api.as("tenant-admin").body(resource("Renamed", "\"id\": " + id)).post(RESOURCES)
        .then().statusCode(200).body("id", equalTo(id)).body("name", equalTo("Renamed"));
    api.as("learner").queryParam("id", id).get(RESOURCES).then().statusCode(200).body("name", contains("Renamed"));
  }

  @Test
  void listHonoursEveryFilterOfTheContract() {
    String a = unique("res");
    String b = unique("res");
    int first = api.as("tenant-admin").queryParam("item_id", "course-v1:Org+A+Run")
        .body(resource(a, "\"user_id\": 123, \"username\": \"user123\"")).post(RESOURCES)
        .then().statusCode(200).extract().path("id");
    int second = create(b, "\"user_id\": 456, \"username\": \"user456\"");

    api.as("learner").queryParam("id", second).get(RESOURCES).then().statusCode(200).body("id", contains(second));
    api.as("learner").queryParam("item_id", "course-v1:Org+A+Run").get(RESOURCES).then().statusCode(200).body("id", contains(first));
    api.as("learner").queryParam("name", b).get(RESOURCES).then().statusCode(200).body("id", contains(second));
    api.as("learner").queryParam("resource_type", "video").queryParam("user_id", 123).get(RESOURCES).then().statusCode(200).body("id", contains(first));
    api.as("learner").queryParam("user_id", 456).get(RESOURCES).then().statusCode(200).body("id", contains(second));
    api.as("learner").queryParam("username", "user123").get(RESOURCES).then().statusCode(200).body("id", contains(first));
    for (String tenantParam : new String[] {"key", "platform_key", "org", "platform_org"}) {
      api.as("learner").queryParam(tenantParam, "main").queryParam("name", a).get(RESOURCES)
          .then().statusCode(200).body("id", contains(first));
    }
    api.as("learner").queryParam("platform_key", "main").queryParam("org", "elsewhere").queryParam("name", a).get(RESOURCES)
        .then().statusCode(200).body("$", empty());
  }

  @Test
  void deleteRemovesTheResourceUpstreamAndFromTheReadModel() {
    int id = create(unique("res"), "");
    api.as("tenant-admin").queryParam("id", id).delete(RESOURCES)
        .then().statusCode(200).body("count", equalTo(1)).body("type", notNullValue());
    assertThat(ResourceReadModel.<ResourceReadModel>findById((long) id)).isNull();
    api.as("learner").queryParam("id", id).get(RESOURCES).then().statusCode(200).body("$", empty());
  }

  @Test
  void deleteWithoutIdIsRefused() {
    api.refused(api.as("tenant-admin").queryParam("name", "x").delete(RESOURCES), 400).body("errors[0].field", equalTo("id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"id=abc", "user_id=abc", "id=-1"})
  void badFiltersAreRefusedNotCoerced(String param) {
    String[] kv = param.split("=");
    api.refused(api.as("learner").queryParam(kv[0], kv[1]).get(RESOURCES), 400).body("errors[0].field", equalTo(kv[0]));
    api.refused(api.as("tenant-admin").queryParam("id", "abc").delete(RESOURCES), 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ not json",
      "[]",
      "{\"url\": \"https://x.com\", \"resource_type\": \"book\"}",
      "{\"name\": \"n\", \"resource_type\": \"book\"}",
      "{\"name\": \"n\", \"url\": \"https://x.com\"}",
      "{\"name\": \"n\", \"url\": \"not a url\", \"resource_type\": \"book\"}",
      "{\"name\": \"n\", \"url\": \"https://x.com\", \"resource_type\": 5}",
      "{\"name\": \"n\", \"url\": \"https://x.com\", \"resource_type\": \"book\", \"skills\": \"python\"}",
      "{\"name\": \"n\", \"url\": \"https://x.com\", \"resource_type\": \"book\", \"id\": \"seven\"}",
      "{\"name\": \"n\", \"url\": \"https://x.com\", \"resource_type\": \"book\", \"user_id\": 0}",
      ""
  })
  void badBodiesAreRefusedAndNothingIsSentUpstream(String body) {
    api.refused(api.as("tenant-admin").body(body).post(RESOURCES), 400);
  }

  @Test
  void wrongTypeNamesTheField() {
    api.refused(api.as("tenant-admin").body("{\"name\": \"n\", \"url\": \"https://x.com\", \"resource_type\": 5}").post(RESOURCES), 400)
        .body("errors[0].field", equalTo("resource_type"));
  }

  @Test
  void oversizedBodyIsRefused() {
    api.refused(api.as("tenant-admin").body(resource("x".repeat(300_000), "")).post(RESOURCES), 413);
  }

  @Test
  void unauthenticatedCallsAreRefused() {
    api.assertUnauthenticatedRefused(spec -> spec.body(SEED).post(RESOURCES));
    api.assertUnauthenticatedRefused(spec -> spec.get(RESOURCES));
    api.assertUnauthenticatedRefused(spec -> spec.queryParam("id", 1).delete(RESOURCES));
  }

  @Test
  void learnerCannotWriteOrDeleteResources() {
    api.refused(api.as("learner").body(SEED).post(RESOURCES), 403);
    api.refused(api.as("learner").queryParam("id", 1).delete(RESOURCES), 403);
  }

  @Test
  void anotherTenantsAdminCannotTouchThisTenantsResources() {
    int id = create(unique("res"), "");
    emulator.requests().clear();
    api.refused(api.as("other-admin").queryParam("platform_key", "main").body(SEED).post(RESOURCES), 403);
    api.refused(api.as("other-admin").queryParam("org", "main").get(RESOURCES), 403);
    api.refused(api.as("other-admin").queryParam("key", "main").queryParam("id", id).delete(RESOURCES), 403);
    api.as("other-admin").queryParam("id", id).get(RESOURCES).then().statusCode(200).body("$", empty());
  }

  @Test
  void upstreamFaultsOnWritesAreMappedAndNothingIsKept() {
    String name = unique("res");
    api.assertUpstreamFaultsMapped(() -> api.as("tenant-admin").body(resource(name, "")).post(RESOURCES));
    assertThat(ResourceReadModel.count("name", name)).isZero();
    int id = create(unique("res"), "");
    api.assertUpstreamFaultsMapped(() -> api.as("tenant-admin").queryParam("id", id).delete(RESOURCES));
  }

  @Test
  void staleListWhenManagerIsDown() {
    String name = unique("res");
    int id = create(name, "");
    api.as("learner").queryParam("name", name).get(RESOURCES).then().statusCode(200);
    api.assertServedStale(() -> api.as("learner").queryParam("name", name).get(RESOURCES)).body("id", contains(id));
  }

  @Test
  void listNeverReadWhileManagerIsDownAnswers503() {
    api.assertNoCopyIs503(() -> api.as("learner").queryParam("name", unique("res")).get(RESOURCES));
  }
}
