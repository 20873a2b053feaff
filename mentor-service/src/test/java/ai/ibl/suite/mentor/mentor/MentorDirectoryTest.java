package ai.ibl.suite.mentor.mentor;

import static ai.ibl.suite.mentor.mentor.SeedMentor.CREATE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Fault;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.suite.common.freshness.ReadThrough;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Java API the chat relay asks before it lets a caller chat with a mentor. */
@QuarkusTest
@UpstreamSlate
class MentorDirectoryTest {
  @InjectEmulator
  PlatformEmulator emulator;

  @Inject
  MentorDirectory directory;

  @BeforeEach
  void cleanSlate() {
    SeedMentor.forgetEverything(emulator);
  }

  private int create(String body) {
    return given().auth().oauth2(emulator.tokens().tokenFor("tenant-admin")).contentType(ContentType.JSON).body(body)
        .post(CREATE).then().statusCode(200).extract().path("id");
  }

  /** A change made on the platform directly, behind this service's back. */
  private void setAnonymousAtTheManager(String slug, boolean allowed) {
    given().baseUri(SeedMentor.managerUrl(emulator))
        .header("Authorization", "Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN)
        .contentType(ContentType.JSON).body("{\"allow_anonymous\": " + allowed + "}")
        .put("/api/ai-mentor/orgs/main/users/tenant-admin/mentors/" + slug + "/settings/")
        .then().statusCode(200);
  }

  @Test
  void seedMentorViewableByAnyoneTakesAnonymousChat() {
    int id = create(SeedMentor.JSON);
    for (String key : new String[] {"ai-cover-letter-helper", "ai-cover-letter-helper1", String.valueOf(id)}) {
      assertThat(directory.access("main", key))
          .contains(new MentorAccess("main", "ai-cover-letter-helper1", String.valueOf(id), true));
    }
  }

  @Test
  void tenantOnlyMentorRequiresASignedInCaller() {
    create(SeedMentor.named("Students Only", "students-only", "viewable_by_tenant_students"));
    assertThat(directory.access("main", "students-only")).hasValueSatisfying(a -> {
      assertThat(a.allowsAnonymous()).isFalse();
      assertThat(a.slug()).isEqualTo("students-only");
    });
  }

  @Test
  void unknownMentorsAndOtherTenantsMentorsAreAbsent() {
    create(SeedMentor.JSON);
    assertThat(directory.access("main", "nobody")).isEmpty();
    assertThat(directory.access("other", "ai-cover-letter-helper")).isEmpty();
    assertThat(directory.access("other", "ai-cover-letter-helper1")).isEmpty();
    assertThat(directory.access("main", "")).isEmpty();
  }

  @Test
  void mentorNeverSeenHereIsRevalidatedFromTheManager() {
    given().baseUri(SeedMentor.managerUrl(emulator))
        .header("Authorization", "Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN)
        .contentType(ContentType.JSON)
        .body("{\"new_mentor_name\": \"Made Elsewhere\", \"template_name\": \"ai-mentor\", \"mentor_visibility\": \"viewable_by_anyone\"}")
        .post("/api/ai-mentor/orgs/main/users/someone/mentor-with-settings/").then().statusCode(200);
    assertThat(SeedMentor.storedMentors()).isZero();
    assertThat(directory.access("main", "made-elsewhere")).hasValueSatisfying(a -> assertThat(a.allowsAnonymous()).isTrue());
    assertThat(SeedMentor.storedMentors()).isEqualTo(1);
  }

  @Test
  void anonymousAccessSwitchedOnThePlatformShowsUp() {
    create(SeedMentor.named("Switched", "switched", "viewable_by_tenant_students"));
    assertThat(directory.access("main", "switched").orElseThrow().allowsAnonymous()).isFalse();
    setAnonymousAtTheManager("switched", true);
    assertThat(directory.access("main", "switched").orElseThrow().allowsAnonymous()).isTrue();
  }

  @Test
  void lastKnownCopyAnswersWhileTheManagerIsDown() {
    create(SeedMentor.JSON);
    emulator.fail(Upstream.MANAGER, Fault.down());
    assertThat(directory.access("main", "ai-cover-letter-helper").orElseThrow().allowsAnonymous()).isTrue();
  }

  @Test
  void noCopyWhileTheManagerIsDownIsAFailureNotAnAbsence() {
    emulator.fail(Upstream.MANAGER, Fault.down());
    assertThatThrownBy(() -> directory.access("main", "ai-cover-letter-helper"))
        .satisfies(e -> assertThat(ReadThrough.isUnavailable(e)).isTrue());
  }
}
