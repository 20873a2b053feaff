package ai.ibl.emulator.cms;

import ai.ibl.emulator.core.EmulatedDomain;
import ai.ibl.emulator.core.EmulatorContext;
import ai.ibl.emulator.core.JsonBodies;
import ai.ibl.emulator.core.Replies;
import ai.ibl.emulator.core.Upstream;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The CMS's course-authoring API as ibl.ai's Open edX plugin exposes it: courses (create, rerun,
 * read), the XBlock tree of each course (create under a parent, update, details, publish),
 * components, the SCORM block's studio handler and LTI passports (kept per course, as the course's
 * advanced settings do). Answers look like Studio's: {@code course_key}, {@code locator},
 * {@code display_name}, {@code has_changes}, {@code published}... There is no OpenAPI description
 * of the CMS, so these answers are not contract-checked.
 */
public final class CourseAuthoringDomain implements EmulatedDomain {
  static final String COURSE_PATH = "/api/ibl/manage/course";
  static final String XBLOCK_PATH = "/api/v1/ibl/xblock";

  private static final Pattern KEY_PART = Pattern.compile("[A-Za-z0-9_.~-]+");
  private static final Pattern COURSE_KEY = Pattern.compile("^course-v1:([A-Za-z0-9_.~-]+)\\+([A-Za-z0-9_.~-]+)\\+([A-Za-z0-9_.~-]+)$");
  private static final Pattern LOCATOR =
      Pattern.compile("^block-v1:([A-Za-z0-9_.~-]+\\+[A-Za-z0-9_.~-]+\\+[A-Za-z0-9_.~-]+)\\+type@([A-Za-z0-9_-]+)\\+block@([A-Za-z0-9_.~-]+)$");
  /** Which structural block may sit under which, as Studio's outline enforces. */
  private static final Map<String, String> STRUCTURE = Map.of("chapter", "course", "sequential", "chapter", "vertical", "sequential");
  /** Component types that are block categories of their own; anything else is a problem template. */
  private static final Set<String> COMPONENT_CATEGORIES =
      Set.of("html", "video", "discussion", "scorm", "lti_consumer", "openassessment", "drag-and-drop-v2", "poll", "survey");

  private final Map<String, JsonObject> courses = new LinkedHashMap<>();
  private final Map<String, JsonObject> blocks = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> passports = new LinkedHashMap<>();

  @Override
  public Upstream upstream() {
    return Upstream.CMS;
  }

  @Override
  public void mount(Router router, EmulatorContext context) {
    router.post(COURSE_PATH).handler(this::createCourse);
    router.get(COURSE_PATH).handler(this::course);
    router.post(XBLOCK_PATH + "/create").handler(this::createBlock);
    router.post(XBLOCK_PATH + "/component/create").handler(this::createComponent);
    router.post(XBLOCK_PATH + "/update").handler(this::updateBlock);
    router.get(XBLOCK_PATH + "/get-details").handler(this::details);
    router.post(XBLOCK_PATH + "/publish").handler(this::publish);
    router.post("/api/v1/ibl/ibl_edx_scorm/update").handler(this::updateScorm);
    router.post("/api/v1/ibl/course/add_lti_passport").handler(this::addLtiPassport);
  }

  @Override
  public synchronized void reset() {
    courses.clear();
    blocks.clear();
    passports.clear();
  }

  // --- Courses

  private synchronized void createCourse(RoutingContext rc) {
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    Map<String, String> errors = new LinkedHashMap<>();
    for (String field : List.of("org", "number", "run")) {
      Object value = body.getValue(field);
      if (!(value instanceof String text) || text.isBlank()) {
        errors.put(field, "This field is required.");
      } else if (!KEY_PART.matcher(text).matches()) {
        errors.put(field, "Special characters not allowed in " + field + ".");
      }
    }
    if (!(body.getValue("display_name") instanceof String name) || name.isBlank()) {
      errors.put("display_name", "This field is required.");
    }
    String source = body.getValue("source_course_key") instanceof String s && !s.isBlank() ? s : null;
    if (source != null && !isCourseKey(source)) {
      errors.put("source_course_key", "Invalid course key.");
    } else if (source != null && !courses.containsKey(source)) {
      errors.put("source_course_key", "Source course " + source + " does not exist.");
    }
    if (!errors.isEmpty()) {
      Replies.fieldErrors(rc, errors);
      return;
    }
    String org = body.getString("org");
    String key = "course-v1:" + org + "+" + body.getString("number") + "+" + body.getString("run");
    if (courses.containsKey(key)) {
      Replies.detail(rc, 409, "There is already a course defined with the same organization, course number and course run: " + key + ".");
      return;
    }
    JsonObject course = new JsonObject()
        .put("course_key", key)
        .put("course_id", key)
        .put("org", org)
        .put("number", body.getString("number"))
        .put("run", body.getString("run"))
        .put("display_name", body.getString("display_name"))
        .put("root_locator", rootOf(key))
        .put("rerun_of", source)
        .put("created", Instant.now().toString())
        .put("lti_passport_ids", new JsonArray());
    courses.put(key, course);
    passports.put(key, new LinkedHashMap<>());
    if (source != null) {
      copyTree(source, key);
    } else {
      JsonObject root = newBlock(key, "course", "course", body.getString("display_name"), null);
      blocks.put(root.getString("locator"), root);
    }
    Replies.json(rc, 200, course);
  }

  private synchronized void course(RoutingContext rc) {
    String key = rc.queryParams().get("course_key");
    if (key == null || key.isBlank()) {
      Replies.fieldErrors(rc, Map.of("course_key", "This field is required."));
      return;
    }
    if (!isCourseKey(key)) {
      Replies.fieldErrors(rc, Map.of("course_key", "Invalid course key."));
      return;
    }
    JsonObject course = courses.get(key);
    if (course == null) {
      Replies.detail(rc, 404, "Course " + key + " not found.");
      return;
    }
    Replies.json(rc, 200, course);
  }

  /** A rerun copies the source's whole outline under the new course key, unpublished. */
  private void copyTree(String source, String target) {
    String from = "block-v1:" + source.substring("course-v1:".length()) + "+";
    String to = "block-v1:" + target.substring("course-v1:".length()) + "+";
    for (JsonObject block : List.copyOf(blocks.values())) {
      String locator = block.getString("locator");
      if (!locator.startsWith(from)) {
        continue;
      }
      JsonObject copy = new JsonObject(block.encode().replace(from, to).replace(source, target));
      copy.put("published", false).put("published_on", (String) null).put("has_changes", true)
          .put("edited_on", Instant.now().toString());
      if ("course".equals(copy.getString("category"))) {
        copy.put("display_name", courses.get(target).getString("display_name"));
      }
      blocks.put(copy.getString("locator"), copy);
    }
  }

  // --- XBlocks

  private synchronized void createBlock(RoutingContext rc) {
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    Map<String, String> errors = required(body, "parent_locator", "category");
    if (!errors.isEmpty()) {
      Replies.fieldErrors(rc, errors);
      return;
    }
    JsonObject parent = blocks.get(body.getString("parent_locator"));
    if (parent == null) {
      Replies.detail(rc, 404, "Parent block " + body.getString("parent_locator") + " not found.");
      return;
    }
    String category = body.getString("category");
    String expectedParent = STRUCTURE.get(category);
    if (expectedParent != null && !expectedParent.equals(parent.getString("category"))) {
      Replies.detail(rc, 400, "A " + category + " cannot be added to a " + parent.getString("category") + ".");
      return;
    }
    if (expectedParent == null && !"vertical".equals(parent.getString("category"))) {
      Replies.detail(rc, 400, "Components can be added only to a unit (vertical), not to a " + parent.getString("category") + ".");
      return;
    }
    JsonObject block = newBlock(parent.getString("courseKey"), category, UUID.randomUUID().toString().replace("-", ""),
        body.getString("display_name", defaultName(category)), parent.getString("locator"));
    if (body.getString("boilerplate") != null) {
      block.put("boilerplate", body.getString("boilerplate"));
    }
    attach(rc, parent, block, body.getValue("position"));
  }

  private synchronized void createComponent(RoutingContext rc) {
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    Map<String, String> errors = required(body, "parent_locator", "problem_type");
    if (!errors.isEmpty()) {
      Replies.fieldErrors(rc, errors);
      return;
    }
    JsonObject parent = blocks.get(body.getString("parent_locator"));
    if (parent == null) {
      Replies.detail(rc, 404, "Parent block " + body.getString("parent_locator") + " not found.");
      return;
    }
    if (!"vertical".equals(parent.getString("category"))) {
      Replies.detail(rc, 400, "Components can be added only to a unit (vertical), not to a " + parent.getString("category") + ".");
      return;
    }
    String type = body.getString("problem_type");
    String category = COMPONENT_CATEGORIES.contains(type) ? type : "problem";
    JsonObject block = newBlock(parent.getString("courseKey"), category, UUID.randomUUID().toString().replace("-", ""),
        body.getString("display_name", defaultName(category)), parent.getString("locator"));
    if ("problem".equals(category)) {
      block.getJsonObject("metadata").put("problem_type", type);
    }
    if (body.getValue("metadata") instanceof JsonObject metadata) {
      block.getJsonObject("metadata").mergeIn(metadata);
    }
    if (body.containsKey("data")) {
      block.put("data", body.getValue("data"));
    }
    if (body.getString("boilerplate") != null) {
      block.put("boilerplate", body.getString("boilerplate"));
    }
    attach(rc, parent, block, body.getValue("position"));
  }

  private void attach(RoutingContext rc, JsonObject parent, JsonObject block, Object position) {
    JsonArray children = parent.getJsonArray("children");
    int at = position instanceof Number n ? Math.max(0, Math.min(n.intValue(), children.size())) : children.size();
    List<Object> list = new ArrayList<>(children.getList());
    list.add(at, block.getString("locator"));
    parent.put("children", new JsonArray(list)).put("has_changes", true).put("edited_on", Instant.now().toString());
    blocks.put(block.getString("locator"), block);
    Replies.json(rc, 200, block.copy());
  }

  private synchronized void updateBlock(RoutingContext rc) {
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    Map<String, String> errors = required(body, "locator", "courseKey", "category");
    if (!errors.isEmpty()) {
      Replies.fieldErrors(rc, errors);
      return;
    }
    JsonObject block = blocks.get(body.getString("locator"));
    if (block == null || !block.getString("courseKey").equals(body.getString("courseKey"))) {
      Replies.detail(rc, 404, "Block " + body.getString("locator") + " not found in " + body.getString("courseKey") + ".");
      return;
    }
    if (!block.getString("category").equals(body.getString("category"))) {
      Replies.detail(rc, 400, "The block is a " + block.getString("category") + ", not a " + body.getString("category") + ".");
      return;
    }
    if (body.getString("display_name") != null) {
      block.put("display_name", body.getString("display_name"));
    }
    if (body.getValue("metadata") instanceof JsonObject metadata) {
      block.getJsonObject("metadata").mergeIn(metadata);
    }
    if (body.containsKey("data")) {
      block.put("data", body.getValue("data"));
    }
    block.put("has_changes", true).put("edited_on", Instant.now().toString());
    Replies.json(rc, 200, block.copy());
  }

  private synchronized void details(RoutingContext rc) {
    String locator = rc.queryParams().get("locator");
    if (locator == null || locator.isBlank()) {
      Replies.fieldErrors(rc, Map.of("locator", "This field is required."));
      return;
    }
    if (!isLocator(locator)) {
      Replies.fieldErrors(rc, Map.of("locator", "Invalid usage key."));
      return;
    }
    JsonObject block = blocks.get(locator);
    if (block == null) {
      Replies.detail(rc, 404, "Block " + locator + " not found.");
      return;
    }
    Replies.json(rc, 200, block.copy());
  }

  /** Publishing a unit publishes it and everything under it, as Studio's "Publish" does. */
  private synchronized void publish(RoutingContext rc) {
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    Map<String, String> errors = required(body, "locator");
    if (!errors.isEmpty()) {
      Replies.fieldErrors(rc, errors);
      return;
    }
    JsonObject block = blocks.get(body.getString("locator"));
    if (block == null) {
      Replies.detail(rc, 404, "Block " + body.getString("locator") + " not found.");
      return;
    }
    String now = Instant.now().toString();
    publishTree(block, now);
    Replies.json(rc, 200, block.copy());
  }

  private void publishTree(JsonObject block, String now) {
    block.put("published", true).put("published_on", now).put("has_changes", false);
    for (Object child : block.getJsonArray("children")) {
      JsonObject c = blocks.get((String) child);
      if (c != null) {
        publishTree(c, now);
      }
    }
  }

  // --- SCORM and LTI

  private synchronized void updateScorm(RoutingContext rc) {
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    Map<String, String> errors = required(body, "usage_key_string", "display_name", "height", "handler");
    for (String flag : List.of("fullscreen_on_launch", "has_score")) {
      if (!(body.getValue(flag) instanceof Boolean)) {
        errors.put(flag, "Must be a valid boolean.");
      }
    }
    if (!(body.getValue("weight") instanceof Number)) {
      errors.put("weight", "A valid number is required.");
    }
    if (!errors.isEmpty()) {
      Replies.fieldErrors(rc, errors);
      return;
    }
    if (!"studio_submit".equals(body.getString("handler"))) {
      Replies.detail(rc, 404, "Handler " + body.getString("handler") + " not found on the SCORM block.");
      return;
    }
    JsonObject block = blocks.get(body.getString("usage_key_string"));
    if (block == null) {
      Replies.detail(rc, 404, "Block " + body.getString("usage_key_string") + " not found.");
      return;
    }
    if (!"scorm".equals(block.getString("category"))) {
      Replies.detail(rc, 400, "Block " + block.getString("locator") + " is a " + block.getString("category") + ", not a SCORM block.");
      return;
    }
    block.put("display_name", body.getString("display_name"));
    JsonObject metadata = block.getJsonObject("metadata")
        .put("weight", body.getValue("weight"))
        .put("fullscreen_on_launch", body.getBoolean("fullscreen_on_launch"))
        .put("has_score", body.getBoolean("has_score"))
        .put("height", body.getString("height"));
    if (body.getValue("file") instanceof String file) {
      // Studio keeps the package and shows where it was unpacked, never the upload itself.
      metadata.put("scorm_file", "scorm/" + block.getString("block_id") + "/" + Integer.toHexString(file.hashCode()) + "/index.html");
    }
    block.put("has_changes", true).put("edited_on", Instant.now().toString());
    Replies.json(rc, 200, block.copy());
  }

  private synchronized void addLtiPassport(RoutingContext rc) {
    JsonObject body = JsonBodies.object(rc);
    if (body == null) {
      return;
    }
    Map<String, String> errors = required(body, "courseKey", "lti_passport");
    if (!errors.isEmpty()) {
      Replies.fieldErrors(rc, errors);
      return;
    }
    String key = body.getString("courseKey");
    JsonObject course = courses.get(key);
    if (course == null) {
      Replies.detail(rc, 404, "Course " + key + " not found.");
      return;
    }
    String[] parts = body.getString("lti_passport").split(":", -1);
    if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
      Replies.fieldErrors(rc, Map.of("lti_passport", "Invalid LTI passport format: use passport_id:client_key:client_secret."));
      return;
    }
    Map<String, String> ofCourse = passports.get(key);
    ofCourse.put(parts[0], body.getString("lti_passport"));
    course.put("lti_passport_ids", new JsonArray(new ArrayList<>(ofCourse.keySet())));
    // Like Studio's advanced settings, the answer lists the course's passports in full.
    Replies.json(rc, 200, new JsonObject()
        .put("success", true)
        .put("course_key", key)
        .put("lti_passports", new JsonArray(new ArrayList<>(ofCourse.values()))));
  }

  // --- Helpers

  private static Map<String, String> required(JsonObject body, String... fields) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (String field : fields) {
      if (!(body.getValue(field) instanceof String text) || text.isBlank()) {
        errors.put(field, "This field is required.");
      }
    }
    return errors;
  }

  private static JsonObject newBlock(String courseKey, String category, String id, String name, String parent) {
    String locator = "block-v1:" + courseKey.substring("course-v1:".length()) + "+type@" + category + "+block@" + id;
    String now = Instant.now().toString();
    return new JsonObject()
        .put("id", locator)
        .put("locator", locator)
        .put("courseKey", courseKey)
        .put("block_id", id)
        .put("category", category)
        .put("display_name", name)
        .put("parent_locator", parent)
        .put("children", new JsonArray())
        .put("metadata", new JsonObject())
        .put("data", (Object) null)
        .put("published", false)
        .put("published_on", (String) null)
        .put("has_changes", true)
        .put("edited_on", now)
        .put("studio_url", "/container/" + locator);
  }

  private static String rootOf(String courseKey) {
    return "block-v1:" + courseKey.substring("course-v1:".length()) + "+type@course+block@course";
  }

  private static String defaultName(String category) {
    return switch (category) {
      case "chapter" -> "Section";
      case "sequential" -> "Subsection";
      case "vertical" -> "Unit";
      case "html" -> "Text";
      case "problem" -> "Blank Problem";
      case "video" -> "Video";
      case "scorm" -> "Scorm module";
      default -> category;
    };
  }

  /** Whether a usage key parses, as opaque-keys would parse it. */
  private static boolean isLocator(String text) {
    return LOCATOR.matcher(text).matches();
  }

  private static boolean isCourseKey(String text) {
    return COURSE_KEY.matcher(text).matches();
  }
}
