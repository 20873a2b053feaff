package ai.ibl.suite.catalog.lti;

import ai.ibl.suite.catalog.course.CourseKey;
import ai.ibl.suite.catalog.course.CourseReadModel;
import ai.ibl.suite.catalog.upstream.CmsGateway;
import ai.ibl.suite.common.SuiteConfig;
import ai.ibl.suite.common.http.OpenApiInfo;
import ai.ibl.suite.common.tenant.CurrentCaller;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** LTI passports of a course on the CMS. Secrets are write-only: never answered, never stored here. */
@Path("/api/v1/ibl/course")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "lti", description = "LTI passports of courses on the CMS")
@SecurityRequirement(name = OpenApiInfo.BEARER)
public class LtiPassportResource {
  private final CmsGateway cms;
  private final CurrentCaller caller;
  private final SuiteConfig config;

  LtiPassportResource(CmsGateway cms, CurrentCaller caller, SuiteConfig config) {
    this.cms = cms;
    this.caller = caller;
    this.config = config;
  }

  @POST
  @Path("/add_lti_passport")
  @Operation(summary = "Add an LTI passport to a course",
      description = "Administrators of the course's org. lti_passport is passport_id:client_key:client_secret; the"
          + " answer shows passports with their secret masked. Never retried.")
  @APIResponse(responseCode = "200", description = "The CMS's answer, secrets masked")
  @APIResponse(responseCode = "404", description = "No such course")
  public JsonNode add(@Valid @NotNull LtiPassportRequest passport) {
    CourseKey course = passport.course();
    caller.get().requireAdmin(course.org());
    JsonNode answer = cms.addLtiPassport(passport);
    // The course's settings changed on the CMS: its copy is revalidated on the next read.
    CourseReadModel.expire(course, config);
    return PassportMask.mask(answer, passport.secret());
  }
}
