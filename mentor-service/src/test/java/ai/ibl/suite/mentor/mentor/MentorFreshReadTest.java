package ai.ibl.suite.mentor.mentor;

import static ai.ibl.suite.mentor.mentor.SeedMentor.CREATE;
import static ai.ibl.suite.mentor.mentor.SeedMentor.path;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With a TTL that has not run out, reads are answered by the read model alone. */
@QuarkusTest
@TestProfile(MentorFreshReadTest.LongTtl.class)
@UpstreamSlate
class MentorFreshReadTest {
  public static class LongTtl implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("suite.freshness.ttl.mentor", "1H", "suite.freshness.ttl.mentor_settings", "1H");
    }
  }

  private static final String MAIN = path("main", "tenant-admin");

  @InjectEmulator
  PlatformEmulator emulator;

  @Inject
  MentorDirectory directory;

  @BeforeEach
  void cleanSlate() {
    SeedMentor.forgetEverything(emulator);
  }

  @Test
  void freshCopiesAreServedWithoutAskingTheManager() {
    String admin = emulator.tokens().tokenFor("tenant-admin");
    given().auth().oauth2(admin).contentType(ContentType.JSON).body(SeedMentor.JSON).post(CREATE).then().statusCode(200);
    emulator.requests().clear();

    for (int i = 0; i < 3; i++) {
      given().auth().oauth2(admin).get(MAIN + "/mentors/ai-cover-letter-helper/")
          .then().statusCode(200)
          .body("slug", equalTo("ai-cover-letter-helper1"))
          .header("Cache-Status", containsString("hit"));
    }
    assertThat(directory.access("main", "ai-cover-letter-helper").orElseThrow().allowsAnonymous()).isTrue();
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();

    // Settings were never read: the first read fetches them, the next ones are local.
    given().auth().oauth2(admin).get(MAIN + "/mentors/ai-cover-letter-helper/settings/")
        .then().statusCode(200).header("Cache-Status", containsString("miss"));
    given().auth().oauth2(admin).get(MAIN + "/mentors/ai-cover-letter-helper/settings/")
        .then().statusCode(200).header("Cache-Status", containsString("hit"))
        .body("mentor_visibility", equalTo("viewable_by_anyone"));
    assertThat(emulator.requests().to(Upstream.MANAGER)).hasSize(1);
  }
}
