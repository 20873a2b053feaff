package ai.ibl.suite.mentor.mentor;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Upstream;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.LinkedHashMap;
import java.util.Map;

/** The seed's Create Mentor body (seeds/000, Mentor Management), and test helpers around it. */
final class SeedMentor {
  static final String MODERATION = "Verify that the question involves writing compelling cover letters. Inappropriate questions include non-cover letter related inquiries or unrelated topics.";
  static final String PROACTIVE_MESSAGE = "Hello, I'm AI Cover Letter Helper. I aid in writing compelling cover letters. Want to draft one for a product manager position?";
  static final String PROACTIVE_PROMPT = "Check if there are any previous chats available. If there are previous chats, mention them and offer assistance based on the last conversation. If there are no previous chats, provide a general greeting and introduce yourself with an offer to assist with writing cover letters.";
  static final String DESCRIPTION = "Writing compelling cover letters tailored to each job application.";
  static final String SYSTEM_PROMPT = "You are a cover letter helper, aiding job seekers in writing compelling cover letters tailored to each job application. Answer quickly and concisely. Use the information below and your knowledge to answer the question. When there is no information from chat history answer normally following the instructions. Do not mention that based on the chat history. Just answer following the instruction. Introduce yourself at the beginning of our conversation. After your initial introduction, please respond to questions or prompts naturally, without reintroducing yourself in subsequent messages. IMPORTANT: You must ONLY reply to the current message from the user. DO NOT needlessly keep greeting or repeating messages to the user.";

  /** The body exactly as the seed writes it. */
  static final String JSON = """
      {
        "new_mentor_name": "AI Cover Letter Helper1",
        "display_name": "AI Cover Letter Helper1",
        "template_name": "ai-mentor",
        "slug": "ai-cover-letter-helper",
        "mentor_visibility": "viewable_by_anyone",
        "seo_tags": [],
        "metadata": {"category": "Job"},
        "marketing_conversations": [],
        "moderation_prompt": "%s",
        "proactive_message": "%s",
        "proactive_prompt": "%s",
        "description": "%s",
        "system_prompt": "%s"
      }
      """.formatted(MODERATION, PROACTIVE_MESSAGE, PROACTIVE_PROMPT, DESCRIPTION, SYSTEM_PROMPT);

  /** The same body as form fields: JSON-valued fields as JSON text, as the platform's forms take them. */
  static Map<String, String> form() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("new_mentor_name", "AI Cover Letter Helper1");
    form.put("display_name", "AI Cover Letter Helper1");
    form.put("template_name", "ai-mentor");
    form.put("slug", "ai-cover-letter-helper");
    form.put("mentor_visibility", "viewable_by_anyone");
    form.put("seo_tags", "[]");
    form.put("metadata", "{\"category\": \"Job\"}");
    form.put("marketing_conversations", "[]");
    form.put("moderation_prompt", MODERATION);
    form.put("proactive_message", PROACTIVE_MESSAGE);
    form.put("proactive_prompt", PROACTIVE_PROMPT);
    form.put("description", DESCRIPTION);
    form.put("system_prompt", SYSTEM_PROMPT);
    return form;
  }

  static String path(String org, String user) {
    return "/api/ai-mentor/orgs/" + org + "/users/" + user;
  }

  static final String CREATE = path("main", "tenant-admin") + "/mentor-with-settings/";

  /** A minimal valid body with its own name and alias. */
  static String named(String name, String slug, String visibility) {
    return """
        {"new_mentor_name": "%s", "template_name": "ai-mentor", "slug": "%s", "mentor_visibility": "%s"}
        """.formatted(name, slug, visibility);
  }

  static long storedMentors() {
    return QuarkusTransaction.requiringNew().call(() -> MentorReadModel.count());
  }

  private static volatile boolean warm;

  static void forgetEverything(PlatformEmulator emulator) {
    warmUp(emulator);
    emulator.reset();
    QuarkusTransaction.requiringNew().run(() -> {
      MentorSettingsReadModel.deleteAll();
      MentorReadModel.deleteAll();
    });
  }

  /**
   * The first call of a fresh service to the Manager builds its client and serializers, which on a
   * loaded machine can outlast the short test timeout; each boot makes one such call before the
   * tests measure anything. Its effects are wiped by {@link #forgetEverything}.
   */
  private static void warmUp(PlatformEmulator emulator) {
    if (warm) {
      return;
    }
    warm = true;
    io.restassured.RestAssured.given().auth().oauth2(emulator.tokens().tokenFor("tenant-admin"))
        .contentType(io.restassured.http.ContentType.JSON).body(JSON).post(CREATE);
    io.restassured.RestAssured.given().auth().oauth2(emulator.tokens().tokenFor("tenant-admin"))
        .get(path("main", "tenant-admin") + "/mentors/ai-cover-letter-helper/settings/");
    io.smallrye.faulttolerance.api.CircuitBreakerMaintenance.get().resetAll();
  }

  static String managerUrl(PlatformEmulator emulator) {
    return emulator.url(Upstream.MANAGER);
  }

  private SeedMentor() {}
}
