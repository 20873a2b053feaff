package ai.ibl.suite.mentor.chat;

import static io.restassured.RestAssured.given;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Upstream;

/** Mentors made on the platform directly, as another platform client would, for chat tests. */
final class EmulatedMentors {
  /** The slug the Manager derives from {@link #OPEN_NAME}. */
  static final String OPEN_MENTOR = "open-mentor";
  private static final String OPEN_NAME = "Open Mentor";

  private EmulatedMentors() {}

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
