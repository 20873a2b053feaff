package ai.ibl.suite.catalog.skill;

import static ai.ibl.suite.catalog.CatalogTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
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
class SkillResourceTest {
  private static final String SKILLS = "/api/catalog/skills/";
  private static final String SEED = """
      {
        "name": "Skill Name",
        "slug": "skill-slug",
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

  private static String skill(String slug) {
    return "{\"name\": \"Skill %s\", \"slug\": \"%s\"}".formatted(slug, slug);
  }

  private int create(String slug) {
    return api.as("tenant-admin").body(skill(slug)).post(SKILLS).then().statusCode(200).extract().path("results[0].skill_id");
  }

  @Test
  void seedExampleCreatesTheSkillThroughTheQueryTheContractNamesAndServesItBack() {
    int id = api.as("tenant-admin").body(SEED).when().post(SKILLS)
        .then().statusCode(200)
        .body("count", equalTo(1))
        .body("results[0].name", equalTo("Skill Name"))
        .body("results[0].slug", equalTo("skill-slug"))
        .body("results[0].platform", equalTo("main"))
        .extract().path("results[0].skill_id");

    var sent = emulator.requests().writesTo(Upstream.MANAGER);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).query()).contains("name=Skill", "slug=skill-slug", "platform_key=main");
    assertThat(JsonPath.from(sent.get(0).body()).getMap("$")).containsOnlyKeys("next_page", "previous_page");

    api.as("learner").queryParam("slug", "skill-slug").when().get(SKILLS)
        .then().statusCode(200)
        .body("results.skill_id", contains(id))
        .header("Cache-Status", notNullValue());
  }

  @Test
  void postingTheSameSlugUpdatesTheSkill() {
    String slug = unique("skill");
    int first = create(slug);
    api.as("tenant-admin").body("{\"name\": \"Renamed\", \"slug\": \"" + slug + "\"}").post(SKILLS)
        .then().statusCode(200).body("results[0].skill_id", equalTo(first)).body("results[0].name", equalTo("Renamed"));
    api.as("learner").queryParam("id", first).get(SKILLS).then().statusCode(200).body("results[0].name", equalTo("Renamed"));
  }

  @Test
  void searchHonoursFiltersPagesAndSort() {
    String a = unique("skill");
    String b = unique("skill");
    String c = unique("skill");
    int first = create(a);
    int second = create(b);
    int third = create(c);
    api.as("learner").queryParam("name", "Skill " + b).get(SKILLS).then().statusCode(200).body("results.skill_id", contains(second));
    api.as("learner").queryParam("name__iexact", ("Skill " + c).toUpperCase()).get(SKILLS).then().statusCode(200).body("results.skill_id", contains(third));
    api.as("learner").queryParam("page_size", 2).get(SKILLS).then().statusCode(200)
        .body("count", equalTo(3)).body("results", hasSize(2)).body("next_page", not(emptyString()));
    api.as("learner").queryParam("page_size", 2).queryParam("page", 2).get(SKILLS).then().statusCode(200)
        .body("results", hasSize(1)).body("next_page", equalTo(""));
    api.as("learner").queryParam("sort", "-id").get(SKILLS).then().statusCode(200)
        .body("results.skill_id", contains(third, second, first));
  }

  @ParameterizedTest
  @ValueSource(strings = {"page_size=500", "page=0", "page=two", "sort=drop table", "id=-3", "id=seven"})
  void badSearchParametersAreRefused(String param) {
    String[] kv = param.split("=");
    api.refused(api.as("learner").queryParam(kv[0], kv[1]).get(SKILLS), 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ not json",
      "[]",
      "{\"slug\": \"no-name\"}",
      "{\"name\": 123}",
      "{\"name\": \"ok\", \"slug\": \"has spaces\"}",
      "{\"name\": \"ok\", \"id\": \"seven\"}",
      "{\"name\": \"\"}",
      ""
  })
  void badBodiesAreRefusedAndNothingIsSentUpstream(String body) {
    api.refused(api.as("tenant-admin").body(body).post(SKILLS), 400);
  }

  @Test
  void wrongTypeNamesTheField() {
    api.refused(api.as("tenant-admin").body("{\"name\": 123}").post(SKILLS), 400).body("errors[0].field", equalTo("name"));
  }

  @Test
  void oversizedBodyIsRefused() {
    api.refused(api.as("tenant-admin").body("{\"name\": \"" + "x".repeat(300_000) + "\"}").post(SKILLS), 413);
  }

  @Test
  void unauthenticatedCallsAreRefused() {
    api.assertUnauthenticatedRefused(spec -> spec.body(SEED).post(SKILLS));
    api.assertUnauthenticatedRefused(spec -> spec.get(SKILLS));
  }

  @Test
  void learnerCannotWriteSkills() {
    api.refused(api.as("learner").body(skill(unique("skill"))).post(SKILLS), 403);
  }

  @Test
  void anotherTenantsAdminCannotWriteOrReadHere() {
    String slug = unique("skill");
    create(slug);
    emulator.requests().clear();
    api.refused(api.as("other-admin").body("{\"name\": \"Intruder\", \"slug\": \"" + slug + "\", \"platform_key\": \"main\"}").post(SKILLS), 403);
    api.refused(api.as("other-admin").queryParam("slug", slug).queryParam("platform_key", "main").get(SKILLS), 403);
    api.as("other-admin").queryParam("slug", slug).get(SKILLS).then().statusCode(200).body("count", equalTo(0));
  }

  @Test
  void upstreamFaultsOnWritesAreMappedAndNothingIsKept() {
    String slug = unique("skill");
    api.assertUpstreamFaultsMapped(() -> api.as("tenant-admin").body(skill(slug)).post(SKILLS));
    assertThat(SkillReadModel.count("slug", slug)).isZero();
  }

  @Test
  void staleReadWhenManagerIsDown() {
    String slug = unique("skill");
    int id = create(slug);
    api.as("learner").queryParam("slug", slug).get(SKILLS).then().statusCode(200);
    api.assertServedStale(() -> api.as("learner").queryParam("slug", slug).get(SKILLS))
        .body("results.skill_id", contains(id)).body("count", equalTo(1));
  }

  @Test
  void readWithNoCopyWhileManagerIsDownAnswers503() {
    api.assertNoCopyIs503(() -> api.as("learner").queryParam("slug", unique("skill")).get(SKILLS));
  }
}
