package ai.ibl.suite.catalog.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.suite.catalog.CatalogTestSupport;
import ai.ibl.suite.catalog.upstream.ManagerGateway.UserList;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour the four user-list endpoints share (desired/reported roles and skills): each
 * concrete test class names its path, its list field and its kind; every test here runs for each.
 */
@UpstreamSlate
abstract class UserListResourceTestBase {
  @InjectEmulator
  PlatformEmulator emulator;

  CatalogTestSupport api;

  /** e.g. {@code /api/catalog/roles/desired/} */
  abstract String path();

  /** {@code roles} or {@code skills} */
  abstract String field();

  abstract UserList kind();

  @BeforeEach
  void support() {
    api = new CatalogTestSupport(emulator);
  }

  private String seed() {
    return """
        {
          "user_id": 123,
          "username": "user123",
          "%s": ["%s Name"],
          "data": { "additional": "data" }
        }
        """.formatted(field(), field().equals("roles") ? "Role" : "Skill");
  }

  private String body(long userId, String username, String names) {
    return "{\"user_id\": %d, \"username\": \"%s\", \"%s\": %s}".formatted(userId, username, field(), names);
  }

  private static long someUserId() {
    return ThreadLocalRandom.current().nextLong(10_000, 1_000_000_000);
  }

  @Test
  void seedExampleSetsTheListWithNamesSentAsObjectsAndReadsItBack() {
    String item = field().equals("roles") ? "Role Name" : "Skill Name";
    api.as("tenant-admin").body(seed()).when().post(path())
        .then().statusCode(200)
        .body("user_id", equalTo(123))
        .body("username", equalTo("user123"))
        .body(field(), hasSize(1))
        .body(field() + "[0].name", equalTo(item))
        .body("data.additional", equalTo("data"));

    var sent = emulator.requests().writesTo(Upstream.MANAGER);
    assertThat(sent).hasSize(1);
    assertThat(JsonPath.from(sent.get(0).body()).getList(field()))
        .containsExactly(Map.of("name", item, "platform_key", "main"));

    api.as("tenant-admin").queryParam("user_id", 123).when().get(path())
        .then().statusCode(200)
        .body(field() + "[0].name", equalTo(item))
        .header("Cache-Status", notNullValue());
  }

  @Test
  void aLearnerSetsAndReadsTheirOwnList() {
    api.as("learner").body(body(3, "learner", "[\"Mine\"]")).post(path())
        .then().statusCode(200).body(field() + "[0].name", equalTo("Mine"));
    api.as("learner").body("{\"username\": \"learner\", \"" + field() + "\": [\"Mine\", \"Also mine\"]}").post(path())
        .then().statusCode(200).body(field(), hasSize(2));
    api.as("learner").queryParam("username", "learner").get(path())
        .then().statusCode(200).body(field(), hasSize(2));
  }

  @Test
  void aLearnerCannotTouchSomeoneElsesList() {
    api.refused(api.as("learner").body(body(123, "user123", "[\"Theirs\"]")).post(path()), 403);
    api.refused(api.as("learner").body(body(3, "someone-else", "[\"Theirs\"]")).post(path()), 403);
    api.refused(api.as("learner").queryParam("user_id", 123).get(path()), 403);
  }

  @Test
  void anotherTenantsAdminCannotActInThisTenant() {
    api.refused(api.as("other-admin").body("{\"user_id\": 3, \"" + field() + "\": [\"X\"], \"platform_key\": \"main\"}").post(path()), 403);
    api.refused(api.as("other-admin").queryParam("user_id", 3).queryParam("platform_key", "main").get(path()), 403);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ not json",
      "[]",
      "{\"user_id\": 5}",
      "{\"user_id\": 5, \"LIST\": \"Name\"}",
      "{\"user_id\": 5, \"LIST\": [1]}",
      "{\"user_id\": 5, \"LIST\": [\"\"]}",
      "{\"user_id\": \"abc\", \"LIST\": [\"Name\"]}",
      "{\"user_id\": -1, \"LIST\": [\"Name\"]}",
      "{\"LIST\": [\"Name\"]}",
      "{\"username\": \"\", \"LIST\": [\"Name\"]}",
      ""
  })
  void badBodiesAreRefusedAndNothingIsSentUpstream(String body) {
    api.refused(api.as("tenant-admin").body(body.replace("LIST", field())).post(path()), 400);
  }

  @Test
  void wrongTypeAndOverlongListsNameTheField() {
    api.refused(api.as("tenant-admin").body("{\"user_id\": \"abc\", \"" + field() + "\": []}").post(path()), 400)
        .body("errors[0].field", equalTo("user_id"));
    String many = "[" + String.join(",", java.util.Collections.nCopies(101, "\"n\"")) + "]";
    api.refused(api.as("tenant-admin").body(body(5, "u", many)).post(path()), 400)
        .body("errors[0].field", equalTo(field()));
  }

  @Test
  void oversizedBodyIsRefused() {
    api.refused(api.as("tenant-admin").body(body(5, "x".repeat(300_000), "[]")).post(path()), 413);
  }

  @Test
  void readingNeedsAWellFormedUserIdOrUsername() {
    api.refused(api.as("tenant-admin").get(path()), 400).body("errors[0].field", equalTo("user_id"));
    api.refused(api.as("tenant-admin").queryParam("user_id", "abc").get(path()), 400).body("errors[0].field", equalTo("user_id"));
  }

  @Test
  void unauthenticatedCallsAreRefused() {
    api.assertUnauthenticatedRefused(spec -> spec.body(seed()).post(path()));
    api.assertUnauthenticatedRefused(spec -> spec.queryParam("user_id", 123).get(path()));
  }

  @Test
  void unknownUserIs404() {
    api.as("tenant-admin").queryParam("user_id", someUserId()).get(path()).then().statusCode(404);
  }

  @Test
  void upstreamFaultsOnWritesAreMappedAndNothingIsKept() {
    long userId = someUserId();
    api.assertUpstreamFaultsMapped(() -> api.as("tenant-admin").body(body(userId, "u" + userId, "[\"N\"]")).post(path()));
    assertThat(UserListReadModel.match(kind(), "main", userId, null)).isEmpty();
  }

  @Test
  void staleReadWhenManagerIsDown() {
    long userId = someUserId();
    api.as("tenant-admin").body(body(userId, "u" + userId, "[\"Kept\"]")).post(path()).then().statusCode(200);
    api.assertServedStale(() -> api.as("tenant-admin").queryParam("user_id", userId).get(path()))
        .body(field() + "[0].name", equalTo("Kept"));
  }

  @Test
  void readWithNoCopyWhileManagerIsDownAnswers503() {
    api.assertNoCopyIs503(() -> api.as("tenant-admin").queryParam("user_id", someUserId()).get(path()));
  }

  @Test
  void namesBelongToTheCallersTenant() {
    api.as("other-admin").body(body(someUserId(), "o", "[\"Shared Name\"]")).post(path())
        .then().statusCode(200);
    var sent = emulator.requests().writesTo(Upstream.MANAGER);
    assertThat(JsonPath.from(sent.get(0).body()).getList(field(), Map.class))
        .extracting(m -> m.get("platform_key")).isEqualTo(List.of("other"));
  }
}
