package ai.ibl.suite.catalog.xblock;

import ai.ibl.suite.catalog.upstream.CmsGateway;
import ai.ibl.suite.common.SuiteConfig;
import ai.ibl.suite.common.freshness.ReadThrough;
import ai.ibl.suite.common.http.OpenApiInfo;
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
 * A course's XBlocks on the CMS: create under a parent, update, read details, publish. The tenant
 * of a block is its course's org: that org's administrators (and platform admins) write, its
 * members read.
 */
@Path("/api/v1/ibl/xblock")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "xblocks", description = "Course content (XBlocks) on the CMS")
@SecurityRequirement(name = OpenApiInfo.BEARER)
public class XBlockResource {
  private final CmsGateway cms;
  private final ReadThrough reads;
  private final CurrentCaller caller;
  private final SuiteConfig config;

  XBlockResource(CmsGateway cms, ReadThrough reads, CurrentCaller caller, SuiteConfig config) {
    this.cms = cms;
    this.reads = reads;
    this.caller = caller;
    this.config = config;
  }

  @POST
  @Path("/update")
  @Operation(summary = "Update an XBlock",
      description = "Administrators of the course's org. The locator must be a block of courseKey and category its"
          + " type. Answers the CMS's updated block details, which the read model keeps.")
  @APIResponse(responseCode = "200", description = "The updated block")
  @APIResponse(responseCode = "404", description = "No such block")
  public JsonNode update(@Valid @NotNull XBlockUpdateRequest update) {
    BlockLocator target = update.target();
    caller.get().requireAdmin(target.org());
    JsonNode updated = cms.updateXBlock(update);
    XBlockReadModel.keepOrExpire(target, updated, config);
    return updated;
  }

  @GET
  @Path("/get-details")
  @Operation(summary = "Retrieve an XBlock's details",
      description = "Members of the course's org. Served from the read model while fresh, revalidated from the CMS"
          + " after its TTL, and served stale (Cache-Status: ...; detail=stale-upstream-unavailable, Age) when the CMS"
          + " cannot answer.")
  @APIResponse(responseCode = "200", description = "The block's details, as the CMS gives them")
  @APIResponse(responseCode = "404", description = "No such block")
  @APIResponse(responseCode = "503", description = "The CMS is unavailable and no copy is kept")
  public Response details(
      @Parameter(in = ParameterIn.QUERY, name = "locator", required = true,
          example = "block-v1:main+CS101+2026+type@vertical+block@abc")
      @RestQuery("locator") String locator) {
    BlockLocator block = BlockLocator.fromParameter("locator", locator);
    caller.get().requireMember(block.org());
    var local = XBlockReadModel.of(block);
    return reads.read(XBlockReadModel.ENTITY, local.map(b -> b.syncedAt).orElse(null),
            () -> local.orElseThrow().json(),
            () -> revalidate(block))
        .toResponse();
  }

  @POST
  @Path("/publish")
  @Operation(summary = "Publish a unit",
      description = "Administrators of the course's org. Publishes the block and everything under it; the read"
          + " model's copies of the course's blocks are revalidated on their next read.")
  @APIResponse(responseCode = "200", description = "The CMS's answer")
  @APIResponse(responseCode = "404", description = "No such block")
  public JsonNode publish(@Valid @NotNull XBlockPublishRequest publish) {
    BlockLocator target = publish.target();
    caller.get().requireAdmin(target.org());
    JsonNode published = cms.publish(publish);
    XBlockReadModel.keepOrExpire(target, published, config);
    XBlockReadModel.expireCourse(target.course(), target, config);
    return published;
  }

  @POST
  @Path("/create")
  @Operation(summary = "Create an XBlock under a parent",
      description = "Administrators of the course's org. Never retried: a lost answer must not create a second block.")
  @APIResponse(responseCode = "200", description = "The created block")
  @APIResponse(responseCode = "404", description = "No such parent block")
  public JsonNode create(@Valid @NotNull XBlockCreateRequest create) {
    BlockLocator parent = create.parent();
    caller.get().requireAdmin(parent.org());
    JsonNode created = cms.createXBlock(create);
    XBlockReadModel.keepCreated(parent, created, config);
    return created;
  }

  private JsonNode revalidate(BlockLocator block) {
    try {
      JsonNode details = cms.xblockDetails(block.toString());
      XBlockReadModel.keep(block, details);
      return details;
    } catch (UpstreamRejectedException e) {
      if (e.isNotFound()) {
        XBlockReadModel.forget(block);
      }
      throw e;
    }
  }
}
