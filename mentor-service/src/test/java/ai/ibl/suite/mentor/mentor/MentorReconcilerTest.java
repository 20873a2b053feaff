package ai.ibl.suite.mentor.mentor;

import static ai.ibl.suite.mentor.mentor.SeedMentor.CREATE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Fault;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.suite.common.freshness.SyncMark;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@UpstreamSlate
class MentorReconcilerTest {
  @InjectEmulator
  PlatformEmulator emulator;

  @Inject
  MentorReconciler reconciler;

  @BeforeEach
  void cleanSlate() {
    SeedMentor.forgetEverything(emulator);
  }

  private void create(String name, String slug) {
    given().auth().oauth2(emulator.tokens().tokenFor("tenant-admin")).contentType(ContentType.JSON)
        .body(SeedMentor.named(name, slug, "viewable_by_tenant_students"))
        .post(CREATE).then().statusCode(200);
  }

  private static MentorReadModel stored(String slug) {
    return QuarkusTransaction.requiringNew().call(() -> MentorReadModel.lookup("main", slug).orElse(null));
  }

  private static Instant lastSync() {
    return QuarkusTransaction.requiringNew().call(() -> SyncMark.lastSync("mentor:tenant:main"));
  }

  @Test
  void changesMadeOnThePlatformReachTheReadModel() {
    create("First", "first");
    create("Second", "second");
    given().baseUri(SeedMentor.managerUrl(emulator))
        .header("Authorization", "Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN)
        .contentType(ContentType.JSON).body("{\"allow_anonymous\": true, \"mentor_visibility\": \"viewable_by_anyone\"}")
        .put("/api/ai-mentor/orgs/main/users/tenant-admin/mentors/first/settings/").then().statusCode(200);
    assertThat(stored("first").allowAnonymous).isFalse();

    assertThat(reconciler.reconcile("main")).isEqualTo(2);

    assertThat(stored("first").allowAnonymous).isTrue();
    assertThat(stored("second").allowAnonymous).isFalse();
    assertThat(lastSync()).isNotNull();
  }

  @Test
  void visibilityNarrowedOnThePlatformHidesTheMentorFromLearners() {
    create("First", "first");
    String learner = emulator.tokens().tokenFor("learner");
    String mentor = "/api/ai-mentor/orgs/main/users/learner/mentors/first/";
    given().auth().oauth2(learner).get(mentor).then().statusCode(200);
    given().baseUri(SeedMentor.managerUrl(emulator))
        .header("Authorization", "Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN)
        .contentType(ContentType.JSON).body("{\"mentor_visibility\": \"viewable_by_tenant_admins\"}")
        .put("/api/ai-mentor/orgs/main/users/tenant-admin/mentors/first/settings/").then().statusCode(200);

    reconciler.reconcile("main");

    given().auth().oauth2(learner).get(mentor).then().statusCode(404);
    given().auth().oauth2(emulator.tokens().tokenFor("tenant-admin"))
        .get("/api/ai-mentor/orgs/main/users/tenant-admin/mentors/first/").then().statusCode(200);
  }

  @Test
  void mentorsGoneFromThePlatformAreForgotten() {
    create("First", "first");
    emulator.reset();
    assertThat(reconciler.reconcile("main")).isZero();
    assertThat(stored("first")).isNull();
    assertThat(SeedMentor.storedMentors()).isZero();
  }

  @Test
  void unavailableManagerLeavesTheReadModelAsItWas() {
    create("First", "first");
    Instant before = lastSync();
    emulator.fail(Upstream.MANAGER, Fault.down());
    assertThat(reconciler.reconcile("main")).isZero();
    assertThat(stored("first")).isNotNull();
    assertThat(lastSync()).isEqualTo(before);
  }
}
