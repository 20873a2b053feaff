package ai.ibl.suite.catalog.xblock;

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

/** Components (problems, text, video, SCORM...) added to a unit on the CMS. */
@Path("/api/v1/ibl/xblock/component")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "xblocks")
@SecurityRequirement(name = OpenApiInfo.BEARER)
public class ComponentResource {
  private final CmsGateway cms;
  private final CurrentCaller caller;
  private final SuiteConfig config;

  ComponentResource(CmsGateway cms, CurrentCaller caller, SuiteConfig config) {
    this.cms = cms;
    this.caller = caller;
    this.config = config;
  }

  @POST
  @Path("/create")
  @Operation(summary = "Create a component in a unit",
      description = "Administrators of the course's org. problem_type names the component (html, video, scorm...)"
          + " or a problem template. Never retried: a lost answer must not create a second component.")
  @APIResponse(responseCode = "200", description = "The created component")
  @APIResponse(responseCode = "404", description = "No such parent block")
  public JsonNode create(@Valid @NotNull ComponentCreateRequest create) {
    BlockLocator parent = create.parent();
    caller.get().requireAdmin(parent.org());
    JsonNode created = cms.createComponent(create);
    XBlockReadModel.keepCreated(parent, created, config);
    return created;
  }
}
