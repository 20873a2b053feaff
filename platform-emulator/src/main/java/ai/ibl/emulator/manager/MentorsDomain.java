package ai.ibl.emulator.manager;

import ai.ibl.emulator.core.EmulatedDomain;
import ai.ibl.emulator.core.EmulatorContext;
import ai.ibl.emulator.core.JsonBodies;
import ai.ibl.emulator.core.Replies;
import ai.ibl.emulator.core.Table;
import ai.ibl.emulator.core.Upstream;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Manager's ai-mentor slice: {@code mentor-with-settings/} (create a mentor from a template),
 * {@code mentors/{mentor}/} (retrieve by slug or name) and {@code mentors/{mentor}/settings/}
 * (retrieve, update). Mentors belong to the platform ({@code org}) they were created in and are
 * invisible from any other. Answers the {@code Mentor}, {@code MentorSettingsPublic} and
 * {@code MentorSettings} schemas.
 *
 * <p>The one template the platform ships, {@code ai-mentor}, is the only one known. The slug is
 * derived from the new mentor's name, as the Manager does; a name whose slug is taken in the
 * platform is refused. Since the description does not say how a new mentor's anonymous access is
 * chosen, the emulator allows anonymous chat for mentors created {@code viewable_by_anyone};
 * {@code PUT .../settings/} changes it explicitly. Create bodies are emulated as JSON only (the
 * suite sends JSON, one of the three types the description lists); form bodies get a 415.
 */
public final class MentorsDomain implements EmulatedDomain {
  static final String BASE = "/api/ai-mentor/orgs/:org/users/:user_id";
  static final Set<String> TEMPLATES = Set.of("ai-mentor");
  static final Set<String> VISIBILITIES =
      Set.of("viewable_by_tenant_admins", "viewable_by_tenant_students", "viewable_by_anyone", "");

  /** Rows hold the Mentor fields, plus {@code _settings}: what only the settings answer carries. */
  private final Table mentors = new Table();

  @Override
  public Upstream upstream() {
    return Upstream.MANAGER;
  }

  @Override
  public void mount(Router router, EmulatorContext context) {
    router.post(BASE + "/mentor-with-settings/").handler(this::create);
    router.get(BASE + "/mentors/:mentor/").handler(this::retrieve);
    router.get(BASE + "/mentors/:mentor/settings/").handler(this::settings);
    router.put(BASE + "/mentors/:mentor/settings/").handler(this::updateSettings);
    router.get(BASE + "/mentors/:mentor/sharable-link").handler(this::link);
    router.post(BASE + "/mentors/:mentor/sharable-link").handler(rc -> saveLink(rc, true));
    router.put(BASE + "/mentors/:mentor/sharable-link").handler(rc -> saveLink(rc, false));
    router.delete(BASE + "/mentors/:mentor/sharable-link").handler(this::deleteLink);
  }

  @Override
  public void reset() {
    mentors.clear();
  }

  private void create(RoutingContext rc) {
    String type = rc.request().getHeader("Content-Type");
    if (type != null && !type.startsWith("application/json")) {
      Replies.detail(rc, 415, "Unsupported media type \"" + type + "\" in request.");
      return;
    }
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    Map<String, String> errors = new LinkedHashMap<>();
    String name = text(body, "new_mentor_name", errors);
    String template = text(body, "template_name", errors);
    if (!errors.isEmpty()) {
      Replies.fieldErrors(rc, errors);
      return;
    }
    if (!TEMPLATES.contains(template)) {
      Replies.fieldErrors(rc, Map.of("template_name", "Template mentor \"" + template + "\" does not exist."));
      return;
    }
    String visibility = body.getValue("mentor_visibility") instanceof String v ? v : "viewable_by_tenant_students";
    if (!VISIBILITIES.contains(visibility)) {
      Replies.fieldErrors(rc, Map.of("mentor_visibility", "\"" + visibility + "\" is not a valid choice."));
      return;
    }
    for (String relation : List.of("categories", "types", "subjects", "mcp_servers")) {
      JsonArray ids = body.getValue(relation) instanceof JsonArray a ? a : new JsonArray();
      if (!ids.isEmpty()) {
        // The emulated platform has no categories, types, subjects or MCP servers to point at.
        Replies.fieldErrors(rc, Map.of(relation, "Invalid pk \"" + ids.getValue(0) + "\" - object does not exist."));
        return;
      }
    }
    String org = rc.pathParam("org");
    String slug = RolesDomain.slugify(name);
    if (slug.isEmpty()) {
      Replies.fieldErrors(rc, Map.of("new_mentor_name", "Enter a name with at least one letter or digit."));
      return;
    }
    if (find(org, slug).isPresent()) {
      Replies.fieldErrors(rc, Map.of("new_mentor_name", "A mentor with this name already exists."));
      return;
    }
    String now = now();
    JsonObject mentor = new JsonObject()
        .put("name", name)
        .put("unique_id", UUID.randomUUID().toString())
        .put("flow", null)
        .put("slug", slug)
        .put("platform", org)
        .put("allow_anonymous", "viewable_by_anyone".equals(visibility))
        .put("metadata", body.getValue("metadata"))
        .put("enable_moderation", bool(body, "enable_moderation", false))
        .put("enable_multi_query_rag", bool(body, "enable_multi_query_rag", false))
        .put("enable_post_processing_system", bool(body, "enable_post_processing_system", false))
        .put("enable_openai_assistant", bool(body, "enable_openai_assistant", false))
        .put("enable_total_grounding", bool(body, "enable_total_grounding", false))
        .put("enable_suggested_prompts", bool(body, "enable_suggested_prompts", false))
        .put("enable_guided_prompts", bool(body, "enable_guided_prompts", true))
        .put("guided_prompt_instructions", string(body, "guided_prompt_instructions", ""))
        .put("google_voice", body.getValue("google_voice") instanceof Number n ? n.intValue() : null)
        .put("openai_voice", body.getValue("openai_voice") instanceof Number n ? n.intValue() : null)
        .put("categories", new JsonArray())
        .put("types", new JsonArray())
        .put("is_featured", bool(body, "is_featured", false))
        .put("subjects", new JsonArray())
        .put("proactive_prompt", string(body, "proactive_prompt", ""))
        .put("disclaimer", string(body, "disclaimer", ""))
        .put("enable_disclaimer", bool(body, "enable_disclaimer", false))
        .put("show_attachment", bool(body, "show_attachment", true))
        .put("show_voice_call", bool(body, "show_voice_call", true))
        .put("show_voice_record", bool(body, "show_voice_record", true))
        .put("embed_is_context_aware", bool(body, "embed_is_context_aware", false))
        .put("embed_open_by_default", bool(body, "embed_open_by_default", false))
        .put("embed_show_attachment", bool(body, "embed_show_attachment", true))
        .put("embed_show_voice_call", bool(body, "embed_show_voice_call", true))
        .put("embed_show_voice_record", bool(body, "embed_show_voice_record", true))
        .put("placeholder_prompt", string(body, "placeholder_prompt", ""))
        .put("moderation_system_prompt", string(body, "moderation_system_prompt", ""))
        .put("post_processing_prompt", string(body, "post_processing_prompt", ""))
        .put("moderation_response", string(body, "moderation_response", ""))
        .put("safety_system_prompt", "")
        .put("safety_response", "")
        .put("enable_safety_system", false)
        .put("proactive_response", string(body, "proactive_response", ""))
        .put("greeting_method", string(body, "greeting_method", "proactive_prompt"))
        .put("mcp_servers", new JsonArray())
        .put("last_accessed_by", null)
        .put("recently_accessed_at", null)
        .put("created_by", rc.pathParam("user_id"))
        .put("created_at", now)
        .put("updated_at", now)
        .put("_settings", new JsonObject()
            .put("display_name", string(body, "display_name", name))
            .put("profile_image", body.getValue("profile_image") instanceof String s ? s : null)
            .put("initial_message", body.getValue("initial_message") instanceof String s ? s : null)
            .put("suggested_message", body.getValue("suggested_message") instanceof String s ? s : null)
            .put("theme", oneOf(body, "theme", Set.of("dark", "light"), "light"))
            .put("user_message_color", clip(string(body, "user_message_color", "#2467eb"), 7))
            .put("mentor_bubble_color", clip(string(body, "mentor_bubble_color", "#f4f4f5"), 7))
            .put("align_mentor_bubble", oneOf(body, "align_mentor_bubble", Set.of("left", "right"), "left"))
            .put("mentor_visibility", visibility)
            .put("enable_image_generation", bool(body, "enable_image_generation", false))
            .put("enable_web_browsing", bool(body, "enable_web_browsing", false))
            .put("enable_code_interpreter", bool(body, "enable_code_interpreter", false))
            .put("custom_css", body.getValue("custom_css") instanceof String s ? s : null)
            .put("mentor_description", string(body, "description", ""))
            .put("system_prompt", string(body, "system_prompt", ""))
            .put("llm_provider", string(body, "llm_provider", "openai"))
            .put("llm_name", string(body, "llm_name", "gpt-4o-mini"))
            .put("llm_temperature", body.getValue("llm_temperature") instanceof Number n ? n.doubleValue() : 0.7)
            .put("forkable", bool(body, "forkable", false))
            .put("forkable_with_training_data", bool(body, "forkable_with_training_data", false))
            .put("seo_tags", body.getValue("seo_tags"))
            .put("marketing_conversations", body.getValue("marketing_conversations"))
            .put("tool_slugs", body.getValue("tool_slugs") instanceof JsonArray a ? a : new JsonArray()));
    JsonObject saved = mentors.insert(mentor);
    Replies.json(rc, 200, mentorView(saved));
  }

  private void retrieve(RoutingContext rc) {
    find(rc.pathParam("org"), rc.pathParam("mentor")).ifPresentOrElse(
        m -> Replies.json(rc, 200, mentorView(m)),
        () -> Replies.detail(rc, 404, "Not found."));
  }

  private void settings(RoutingContext rc) {
    find(rc.pathParam("org"), rc.pathParam("mentor")).ifPresentOrElse(
        m -> Replies.json(rc, 200, publicSettings(m)),
        () -> Replies.detail(rc, 404, "Mentor not found"));
  }

  private void updateSettings(RoutingContext rc) {
    Optional<JsonObject> found = find(rc.pathParam("org"), rc.pathParam("mentor"));
    if (found.isEmpty()) {
      Replies.detail(rc, 404, "Mentor not found");
      return;
    }
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    JsonObject mentor = found.get();
    JsonObject settings = mentor.getJsonObject("_settings");
    if (body.containsKey("mentor_visibility")) {
      if (!(body.getValue("mentor_visibility") instanceof String v) || !VISIBILITIES.contains(v)) {
        Replies.fieldErrors(rc, Map.of("mentor_visibility", "\"" + body.getValue("mentor_visibility") + "\" is not a valid choice."));
        return;
      }
      settings.put("mentor_visibility", v);
    }
    if (body.getValue("allow_anonymous") instanceof Boolean anonymous) {
      mentor.put("allow_anonymous", anonymous);
    }
    for (String field : List.of("display_name", "system_prompt", "llm_name", "llm_provider", "custom_css")) {
      if (body.getValue(field) instanceof String s) {
        settings.put(field, s);
      }
    }
    if (body.getValue("mentor_description") instanceof String s) {
      settings.put("mentor_description", s);
    }
    mentor.put("updated_at", now());
    JsonObject saved = mentors.replace(mentor.getLong("id"), mentor);
    Replies.json(rc, 200, fullSettings(saved));
  }

  /** The mentor's share link: its token lets anyone holding it chat with the mentor. */
  private void link(RoutingContext rc) {
    find(rc.pathParam("org"), rc.pathParam("mentor")).map(m -> m.getJsonObject("_link")).ifPresentOrElse(
        l -> Replies.json(rc, 200, l),
        () -> Replies.detail(rc, 404, "Not found."));
  }

  /** POST creates the link (a new token) or changes it; PUT changes an existing one. Only {@code enabled} is writable. */
  private void saveLink(RoutingContext rc, boolean create) {
    Optional<JsonObject> found = find(rc.pathParam("org"), rc.pathParam("mentor"));
    if (found.isEmpty() || !create && !found.get().containsKey("_link")) {
      Replies.detail(rc, 404, "Not found.");
      return;
    }
    JsonObject body = rc.body().length() == 0 ? new JsonObject() : JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    if (body.containsKey("enabled") && !(body.getValue("enabled") instanceof Boolean)) {
      Replies.fieldErrors(rc, Map.of("enabled", "Must be a valid boolean."));
      return;
    }
    JsonObject mentor = found.get();
    JsonObject link = mentor.getJsonObject("_link");
    if (link == null) {
      link = new JsonObject().put("id", mentor.getLong("id")).put("mentor", mentor.getLong("id"))
          .put("token", UUID.randomUUID().toString().replace("-", "")).put("enabled", true).put("inserted_at", now());
    }
    link.put("enabled", body.getBoolean("enabled", link.getBoolean("enabled"))).put("updated_at", now());
    mentor.put("_link", link);
    mentors.replace(mentor.getLong("id"), mentor);
    Replies.json(rc, create ? 201 : 200, link);
  }

  private void deleteLink(RoutingContext rc) {
    Optional<JsonObject> found = find(rc.pathParam("org"), rc.pathParam("mentor"));
    if (found.isEmpty() || !found.get().containsKey("_link")) {
      Replies.detail(rc, 404, "Not found.");
      return;
    }
    JsonObject mentor = found.get();
    mentor.remove("_link");
    mentors.replace(mentor.getLong("id"), mentor);
    Replies.noContent(rc);
  }

  /** Looks a mentor up as the Manager does: by slug, else by name, within one platform. */
  private Optional<JsonObject> find(String org, String slugOrName) {
    return mentors.first(m -> org.equals(m.getString("platform")) && slugOrName.equals(m.getString("slug")))
        .or(() -> mentors.first(m -> org.equals(m.getString("platform")) && slugOrName.equals(m.getString("name"))));
  }

  private static JsonObject mentorView(JsonObject row) {
    JsonObject view = row.copy();
    view.remove("_settings");
    view.remove("_link");
    return view;
  }

  private static JsonObject publicSettings(JsonObject mentor) {
    JsonObject s = mentor.getJsonObject("_settings");
    return new JsonObject()
        .put("id", mentor.getLong("id"))
        .put("display_name", s.getString("display_name"))
        .put("profile_image", s.getValue("profile_image"))
        .put("initial_message", s.getValue("initial_message"))
        .put("suggested_message", s.getValue("suggested_message"))
        .put("theme", s.getString("theme"))
        .put("user_message_color", s.getString("user_message_color"))
        .put("mentor_bubble_color", s.getString("mentor_bubble_color"))
        .put("align_mentor_bubble", s.getString("align_mentor_bubble"))
        .put("mentor", mentor.getString("name"))
        .put("mentor_slug", mentor.getString("slug"))
        .put("mentor_unique_id", mentor.getString("unique_id"))
        .put("mentor_id", mentor.getLong("id"))
        .put("metadata", mentor.getValue("metadata"))
        .put("mentor_visibility", s.getString("mentor_visibility"))
        .put("enable_image_generation", s.getBoolean("enable_image_generation"))
        .put("enable_web_browsing", s.getBoolean("enable_web_browsing"))
        .put("enable_code_interpreter", s.getBoolean("enable_code_interpreter"))
        .put("enable_memory_component", false)
        .put("custom_css", s.getValue("custom_css"))
        .put("allow_anonymous", mentor.getBoolean("allow_anonymous"))
        .put("mentor_description", s.getString("mentor_description"))
        .put("suggested_prompts", new JsonArray())
        .put("proactive_response", mentor.getString("proactive_response"))
        .put("greeting_method", mentor.getString("greeting_method"))
        .put("mentor_tools", s.getJsonArray("tool_slugs"))
        .put("can_use_tools", true)
        .put("llm_name", s.getString("llm_name"))
        .put("proactive_prompt", mentor.getString("proactive_prompt"))
        .put("disclaimer", mentor.getString("disclaimer"))
        .put("enable_disclaimer", mentor.getBoolean("enable_disclaimer"))
        .put("show_attachment", mentor.getBoolean("show_attachment"))
        .put("show_voice_call", mentor.getBoolean("show_voice_call"))
        .put("show_voice_record", mentor.getBoolean("show_voice_record"))
        .put("embed_is_context_aware", mentor.getBoolean("embed_is_context_aware"))
        .put("embed_open_by_default", mentor.getBoolean("embed_open_by_default"))
        .put("embed_show_attachment", mentor.getBoolean("embed_show_attachment"))
        .put("embed_show_voice_call", mentor.getBoolean("embed_show_voice_call"))
        .put("embed_show_voice_record", mentor.getBoolean("embed_show_voice_record"))
        .put("placeholder_prompt", mentor.getString("placeholder_prompt"))
        .put("enable_email_chat", false)
        .put("enable_spaced_repetition", false)
        .put("enable_instruction_mode", false)
        .put("enable_socratic_mode", false)
        .put("is_guided_mentor", false)
        .put("is_featured", mentor.getBoolean("is_featured"))
        .put("enable_guided_prompts", mentor.getBoolean("enable_guided_prompts"))
        .put("enable_moderation", mentor.getBoolean("enable_moderation"))
        .put("enable_multi_query_rag", mentor.getBoolean("enable_multi_query_rag"))
        .put("enable_post_processing_system", mentor.getBoolean("enable_post_processing_system"))
        .put("enable_safety_system", mentor.getBoolean("enable_safety_system"))
        .put("forkable", s.getBoolean("forkable"))
        .put("forkable_with_training_data", s.getBoolean("forkable_with_training_data"))
        .put("mentor_name", mentor.getString("name"))
        .put("categories", new JsonArray())
        .put("types", new JsonArray())
        .put("subjects", new JsonArray())
        // Never accessed yet: the platform reports the creation time.
        .put("recently_accessed_at", mentor.getString("created_at"))
        .put("created_by", mentor.getString("created_by"))
        .put("created_at", mentor.getString("created_at"))
        .put("updated_at", mentor.getString("updated_at"))
        .put("platform_key", mentor.getString("platform"))
        .put("llm_config", new JsonObject())
        .put("llm_provider", s.getString("llm_provider"));
  }

  private static JsonObject fullSettings(JsonObject mentor) {
    JsonObject s = mentor.getJsonObject("_settings");
    return publicSettings(mentor)
        .put("call_configuration", new JsonObject()
            .put("id", mentor.getLong("id"))
            .put("mentor", mentor.getString("unique_id"))
            .put("platform_key", mentor.getString("platform")))
        .put("department", "")
        .put("disable_chathistory", "false")
        .put("google_voice", "")
        .put("openai_voice", "")
        .put("guided_prompt_instructions", mentor.getString("guided_prompt_instructions"))
        .put("llm_temperature", s.getDouble("llm_temperature"))
        .put("marketing_conversations", s.getValue("marketing_conversations"))
        .put("seo_tags", s.getValue("seo_tags"))
        .put("mcp_servers", new JsonArray())
        .put("moderation_response", mentor.getString("moderation_response"))
        .put("moderation_system_prompt", mentor.getString("moderation_system_prompt"))
        .put("post_processing_prompt", mentor.getString("post_processing_prompt"))
        .put("safety_response", mentor.getString("safety_response"))
        .put("safety_system_prompt", mentor.getString("safety_system_prompt"))
        .put("system_prompt", s.getString("system_prompt"))
        .put("template_mentor", "ai-mentor")
        .put("enable_openai_assistant", mentor.getBoolean("enable_openai_assistant"))
        .put("enable_total_grounding", mentor.getBoolean("enable_total_grounding"))
        .put("enable_suggested_prompts", mentor.getBoolean("enable_suggested_prompts"))
        .put("is_deleted", false);
  }

  private static String text(JsonObject body, String field, Map<String, String> errors) {
    Object value = body.getValue(field);
    if (value == null) {
      errors.put(field, "This field is required.");
      return null;
    }
    if (!(value instanceof String s) || s.isBlank()) {
      errors.put(field, "This field may not be blank.");
      return null;
    }
    return s;
  }

  private static String string(JsonObject body, String field, String fallback) {
    return body.getValue(field) instanceof String s ? s : fallback;
  }

  private static boolean bool(JsonObject body, String field, boolean fallback) {
    return body.getValue(field) instanceof Boolean b ? b : fallback;
  }

  private static String oneOf(JsonObject body, String field, Set<String> allowed, String fallback) {
    return body.getValue(field) instanceof String s && allowed.contains(s) ? s : fallback;
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
