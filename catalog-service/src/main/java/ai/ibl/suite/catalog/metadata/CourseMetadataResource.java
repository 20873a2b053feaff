package ai.ibl.suite.catalog.metadata;

import ai.ibl.suite.common.http.OpenApiInfo;
import ai.ibl.suite.catalog.upstream.ManagerGateway;
import ai.ibl.suite.common.error.ProblemException;
import ai.ibl.suite.common.freshness.ReadThrough;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/catalog/metadata/course/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "course metadata")
@SecurityRequirement(name = OpenApiInfo.BEARER)
public class CourseMetadataResource {
  private final ManagerGateway manager;
  private final ReadThrough reads;
  private final CurrentCaller caller;

  CourseMetadataResource(ManagerGateway manager, ReadThrough reads, CurrentCaller caller) {
    this.manager = manager;
    this.reads = reads;
    this.caller = caller;
  }

  @POST
  @Operation(summary = "Update a course's metadata", description = "Tenant admins only. course_id in the query (as the platform takes it) and in the body; update=true (default) merges, false replaces. Answers {course_id, metadata}.")
  public JsonNode update(@Valid @NotNull CourseMetadataRequest update, @RestQuery("course_id") String courseId,
      @RestQuery("platform_key") String platformKey) {
    if (courseId != null && !courseId.isBlank() && !courseId.equals(update.courseId())) {
      throw ProblemException.invalid("course_id", "differs between the query and the body");
    }
    Caller who = caller.get();
    String tenant = who.tenantOrOwn(platformKey);
    who.requireAdmin(tenant);
    manager.updateCourseMetadata(update.courseId(), update);
    return CourseMetadataReadModel.written(tenant, update);
  }

  @GET
  @Operation(summary = "Read a course's metadata", description = "Members of the tenant. Served from the read model while fresh; confirmed with the Manager otherwise.")
  public Response find(@RestQuery("course_id") String courseId, @RestQuery("platform_key") String platformKey) {
    if (courseId == null || courseId.isBlank()) {
      throw ProblemException.invalid("course_id", "is required");
    }
    String tenant = caller.get().tenantOrOwn(platformKey);
    var local = CourseMetadataReadModel.match(tenant, courseId);
    return reads.read("course_metadata", local.map(r -> r.syncedAt).orElse(null),
            () -> local.orElseThrow().json(),
            () -> {
              try {
                manager.findCourseMetadata(courseId);
                return CourseMetadataReadModel.confirmed(tenant, courseId);
              } catch (UpstreamRejectedException e) {
                if (e.isNotFound()) {
                  CourseMetadataReadModel.forget(tenant, courseId);
                }
                throw e;
              }
            })
        .toResponse();
  }
}
