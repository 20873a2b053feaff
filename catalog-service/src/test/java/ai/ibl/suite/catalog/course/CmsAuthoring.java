package ai.ibl.suite.catalog.course;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.RecordedRequest;
import io.restassured.http.ContentType;
import java.util.UUID;

/**
 * Builds course outlines through the service itself (so through the emulated CMS), for the CMS
 * tests: a course in the default tenant ("main") with a section, a subsection and a unit.
 */
public final class CmsAuthoring {
  public static final String COURSES = "/api/ibl/manage/course";
  public static final String XBLOCK = "/api/v1/ibl/xblock";
  public static final String ORG = "main";

  private final PlatformEmulator emulator;

  public CmsAuthoring(PlatformEmulator emulator) {
    this.emulator = emulator;
  }

  public String token(String user) {
    return emulator.tokens().tokenFor(user);
  }

  public static String uniqueNumber() {
    return "CS" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates a course in {@code org} as {@code admin}; returns its key. */
  public String course(String admin, String org) {
    String number = uniqueNumber();
    return given().auth().oauth2(token(admin)).contentType(ContentType.JSON)
        .body("""
            {"org": "%s", "number": "%s", "run": "2026", "display_name": "Course %s"}
            """.formatted(org, number, number))
        .when().post(COURSES)
        .then().statusCode(200).extract().path("course_key");
  }

  public static String root(String courseKey) {
    return "block-v1:" + courseKey.substring("course-v1:".length()) + "+type@course+block@course";
  }

  /** Creates a block of {@code category} under {@code parent}; returns its locator. */
  public String block(String parent, String category) {
    return given().auth().oauth2(token("tenant-admin")).contentType(ContentType.JSON)
        .body("{\"parent_locator\": \"" + parent + "\", \"category\": \"" + category + "\"}")
        .when().post(XBLOCK + "/create")
        .then().statusCode(200).extract().path("locator");
  }

  /** A unit (vertical) in a new course of the default tenant, with its section and subsection. */
  public Outline outline() {
    String course = course("tenant-admin", ORG);
    String chapter = block(root(course), "chapter");
    String sequential = block(chapter, "sequential");
    String vertical = block(sequential, "vertical");
    return new Outline(course, chapter, sequential, vertical);
  }

  public record Outline(String course, String chapter, String sequential, String unit) {}

  /** The CMS was called with a token the LMS issued to this service's own OAuth2 client, not the caller's. */
  public void assertServiceBearer(RecordedRequest request) {
    String authorization = request.header("Authorization");
    assertThat(authorization).startsWith("Bearer ");
    var claims = emulator.tokens().verify(authorization.substring("Bearer ".length()));
    assertThat(claims).as("a token the LMS signed").isPresent();
    assertThat(claims.get().getClaimValue("client_id")).isEqualTo(PlatformEmulator.DEFAULT_CLIENT_ID);
    assertThat(claims.get().getClaimValue("preferred_username")).isNull();
  }
}
