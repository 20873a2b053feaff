package ai.ibl.suite.mentor.chat;

import static io.restassured.RestAssured.given;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Upstream;

/** Mentors made on the platform directly, as another platform client would, for chat tests. */
final class EmulatedMentors {
  /** The slug the Manager derives from {@link #OPEN_NAME}. */
  static final String OPEN_MENTOR = "open-mentor";
  private static final String OPEN_NAME = "Open Mentor";

  /** The slug the Manager derives from {@link #SHARED_NAME}. */
  static final String SHARED_MENTOR = "shared-mentor";
  private static final String SHARED_NAME = "Shared Mentor";

  private EmulatedMentors() {}

  /**
   * A mentor for the tenant's students only (no anonymous chat), with a share link made on the
   * Manager as the platform's admin does; answers the link's token.
   */
  static String sharedMentor(PlatformEmulator emulator, String tenant) {
    String manager = emulator.url(Upstream.MANAGER) + "/api/ai-mentor/orgs/" + tenant + "/users/ibl-admin/";
    given().header("Authorization", "Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN)
        .contentType("application/json")
        .body("{\"new_mentor_name\": \"" + SHARED_NAME + "\", \"template_name\": \"ai-mentor\", "
            + "\"mentor_visibility\": \"viewable_by_tenant_students\"}")
        .post(manager + "mentor-with-settings/").then().statusCode(200);
    return given().header("Authorization", "Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN)
        .contentType("application/json").body(linkBody(true))
        .post(manager + "mentors/" + SHARED_MENTOR + "/sharable-link")
        .then().statusCode(201).extract().path("token");
  }

  /**
   * The description marks the link's read-only fields required in requests too, so a client that
   * keeps to it sends them; the Manager ignores them.
   */
  private static String linkBody(boolean enabled) {
    return "{\"id\": 0, \"mentor\": 0, \"token\": \"\", \"enabled\": " + enabled
        + ", \"inserted_at\": \"2026-01-01T00:00:00Z\", \"updated_at\": \"2026-01-01T00:00:00Z\"}";
  }

  /** Switches the mentor's share link on or off on the Manager. */
  static void shareLinkEnabled(PlatformEmulator emulator, String tenant, boolean enabled) {
    given().header("Authorization", "Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN)
        .contentType("application/json").body(linkBody(enabled))
        .put(emulator.url(Upstream.MANAGER) + "/api/ai-mentor/orgs/" + tenant + "/users/ibl-admin/mentors/"
            + SHARED_MENTOR + "/sharable-link")
        .then().statusCode(200);
  }

  /** A mentor viewable by anyone, which the platform opens to anonymous chat. */
  static void openMentor(PlatformEmulator emulator, String tenant) {
    String manager = emulator.url(Upstream.MANAGER) + "/api/ai-mentor/orgs/" + tenant + "/users/ibl-admin/";
    int known = given().header("Authorization", "Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN)
        .get(manager + "mentors/" + OPEN_MENTOR + "/").statusCode();
    if (known == 200) {
      return;
    }
    given().header("Authorization", "Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN)
        .contentType("application/json")
        .body("{\"new_mentor_name\": \"" + OPEN_NAME + "\", \"template_name\": \"ai-mentor\", "
            + "\"mentor_visibility\": \"viewable_by_anyone\"}")
        .post(manager + "mentor-with-settings/")
        .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
  }
}
