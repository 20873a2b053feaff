package ai.ibl.emulator.manager;

import ai.ibl.emulator.core.EmulatedDomain;
import ai.ibl.emulator.core.EmulatorContext;
import ai.ibl.emulator.core.JsonBodies;
import ai.ibl.emulator.core.Replies;
import ai.ibl.emulator.core.Upstream;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Manager's {@code /api/catalog/metadata/course/}. Its description documents every answer
 * (200, 400, 404) as "No response body", so this slice answers statuses only: 200 once a course
 * has metadata, 404 before, 400 for a request without {@code course_id} or {@code metadata}.
 */
public final class CourseMetadataDomain implements EmulatedDomain {
  private final Map<String, JsonObject> metadata = new ConcurrentHashMap<>();

  @Override
  public Upstream upstream() {
    return Upstream.MANAGER;
  }

  @Override
  public void mount(Router router, EmulatorContext context) {
    router.get("/api/catalog/metadata/course/").handler(this::read);
    router.post("/api/catalog/metadata/course/").handler(this::update);
  }

  @Override
  public void reset() {
    metadata.clear();
  }

  /** What the Manager holds for a course (tests look behind the body-less answers with it). */
  public JsonObject metadataOf(String courseId) {
    JsonObject found = metadata.get(courseId);
    return found == null ? null : found.copy();
  }

  private void read(RoutingContext rc) {
    String courseId = rc.queryParams().get("course_id");
    if (courseId == null || courseId.isBlank()) {
      Replies.raw(rc, 400, null);
      return;
    }
    Replies.raw(rc, metadata.containsKey(courseId) ? 200 : 404, null);
  }

  private void update(RoutingContext rc) {
    String courseId = rc.queryParams().get("course_id");
    JsonObject body = rc.body() == null || rc.body().length() == 0 ? null : safeObject(rc);
    if (courseId == null || body == null || !(body.getValue("metadata") instanceof JsonObject changes)
        || !courseId.equals(body.getString("course_id"))) {
      Replies.raw(rc, 400, null);
      return;
    }
    boolean merge = body.getBoolean("update", true);
    metadata.compute(courseId, (k, old) -> merge && old != null ? old.copy().mergeIn(changes) : changes.copy());
    Replies.raw(rc, 200, null);
  }

  private static JsonObject safeObject(RoutingContext rc) {
    try {
      return rc.body().asJsonObject();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
