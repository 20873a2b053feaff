package ai.ibl.suite.catalog.course;

import ai.ibl.suite.catalog.upstream.CmsGateway;
import ai.ibl.suite.common.freshness.ReadThrough;
import ai.ibl.suite.common.http.OpenApiInfo;
import ai.ibl.suite.common.tenant.Caller;
import ai.ibl.suite.common.tenant.CurrentCaller;
import ai.ibl.suite.common.upstream.UpstreamRejectedException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Courses on the CMS. The tenant of a course is its org: administrators of that org (and platform
 * admins) create courses and reruns in it, its members read them.
 */
@Path("/api/ibl/manage/course")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "courses", description = "Course creation and reruns on the CMS")
@SecurityRequirement(name = OpenApiInfo.BEARER)
public class CourseResource {
  private final CmsGateway cms;
  private final ReadThrough reads;
  private final CurrentCaller caller;

  CourseResource(CmsGateway cms, ReadThrough reads, CurrentCaller caller) {
    this.cms = cms;
    this.reads = reads;
    this.caller = caller;
  }

  @POST
  @Operation(summary = "Create a course, or rerun one",
      description = "Administrators of the body's org only. With source_course_key the CMS copies that course's"
          + " outline into the new course (the caller must belong to the source course's org). Answers the CMS's"
          + " course details; an existing course key is a 409.")
  @APIResponse(responseCode = "200", description = "The created course, as the CMS describes it")
  @APIResponse(responseCode = "400", description = "Invalid body, or the CMS refused it")
  @APIResponse(responseCode = "403", description = "Not an administrator of the org")
  @APIResponse(responseCode = "409", description = "A course with this key already exists")
  public JsonNode create(@Valid @NotNull CourseRequest course) {
    Caller who = caller.get();
    who.requireAdmin(course.org());
    if (course.isRerun()) {
      who.requireMember(CourseKey.parse(course.sourceCourseKey()).org());
    }
    JsonNode created = cms.createCourse(course);
    CourseReadModel.keep(course.key(), created);
    return created;
  }

  @GET
  @Operation(summary = "Retrieve a course by key",
      description = "Members of the course's org. Reads the CMS's GET /api/ibl/manage/course?course_key=..."
          + " through the read model: served locally while fresh, revalidated after its TTL, and served stale"
          + " (Cache-Status: ...; detail=stale-upstream-unavailable, Age) when the CMS cannot answer.")
  @APIResponse(responseCode = "200", description = "The course, as the CMS describes it")
  @APIResponse(responseCode = "404", description = "No such course")
  @APIResponse(responseCode = "503", description = "The CMS is unavailable and no copy is kept")
  public Response find(
      @Parameter(in = ParameterIn.QUERY, name = "course_key", required = true, example = "course-v1:main+CS101+2026")
      @RestQuery("course_key") String courseKey) {
    CourseKey key = CourseKey.fromParameter("course_key", courseKey);
    caller.get().requireMember(key.org());
    var local = CourseReadModel.of(key);
    return reads.read(CourseReadModel.ENTITY, local.map(c -> c.syncedAt).orElse(null),
            () -> local.orElseThrow().json(),
            () -> revalidate(key))
        .toResponse();
  }

  private JsonNode revalidate(CourseKey key) {
    try {
      JsonNode course = cms.course(key.toString());
      CourseReadModel.keep(key, course);
      return course;
    } catch (UpstreamRejectedException e) {
      if (e.isNotFound()) {
        CourseReadModel.forget(key);
      }
      throw e;
    }
  }
}
