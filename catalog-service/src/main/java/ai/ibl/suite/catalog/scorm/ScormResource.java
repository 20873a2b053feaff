package ai.ibl.suite.catalog.scorm;

import ai.ibl.suite.catalog.upstream.CmsGateway;
import ai.ibl.suite.catalog.xblock.BlockLocator;
import ai.ibl.suite.catalog.xblock.XBlockReadModel;
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

/** The SCORM component's settings, through its Studio handler on the CMS. */
@Path("/api/v1/ibl/ibl_edx_scorm")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "scorm", description = "SCORM components on the CMS")
@SecurityRequirement(name = OpenApiInfo.BEARER)
public class ScormResource {
  private final CmsGateway cms;
  private final CurrentCaller caller;
  private final SuiteConfig config;

  ScormResource(CmsGateway cms, CurrentCaller caller, SuiteConfig config) {
    this.cms = cms;
    this.caller = caller;
    this.config = config;
  }

  @POST
  @Path("/update")
  @Operation(summary = "Update a SCORM component",
      description = "Administrators of the course's org. Sets the component's fields (and its package, with file);"
          + " the block's copy in the read model follows the CMS's answer.")
  @APIResponse(responseCode = "200", description = "The updated SCORM component")
  @APIResponse(responseCode = "404", description = "No such block, or no such handler")
  public JsonNode update(@Valid @NotNull ScormUpdateRequest update) {
    BlockLocator target = update.target();
    caller.get().requireAdmin(target.org());
    JsonNode updated = cms.updateScorm(update);
    XBlockReadModel.keepOrExpire(target, updated, config);
    return updated;
  }
}
