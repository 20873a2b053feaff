package ai.ibl.suite.catalog.program;

import ai.ibl.suite.common.http.OpenApiInfo;
import ai.ibl.suite.catalog.readmodel.ListReads;
import ai.ibl.suite.common.http.StrictQuery;
import ai.ibl.suite.catalog.upstream.ManagerGateway;
import ai.ibl.suite.common.error.ProblemException;
import ai.ibl.suite.common.tenant.Caller;
import ai.ibl.suite.common.tenant.CurrentCaller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

@Path("/api/catalog/programs/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "programs")
@SecurityRequirement(name = OpenApiInfo.BEARER)
public class ProgramResource {
  private final ManagerGateway manager;
  private final ListReads lists;
  private final CurrentCaller caller;

  ProgramResource(ManagerGateway manager, ListReads lists, CurrentCaller caller) {
    this.manager = manager;
    this.lists = lists;
    this.caller = caller;
  }

  @POST
  @Operation(summary = "Create or update a program", description = "Administrators of the program's org only. Matched by org and program_id.")
  public JsonNode save(@Valid @NotNull ProgramRequest program) {
    Caller who = caller.get();
    String tenant = who.tenantOrOwn(program.org());
    who.requireAdmin(tenant);
    ProgramRequest sent = program.inTenant(tenant);
    JsonNode saved = manager.saveProgram(sent);
    ProgramReadModel.keep(tenant, saved, sent);
    return saved;
  }

  @GET
  @Operation(summary = "Search programs", description = "Filters course_id, enabled, name, org, program_id, slug (case-insensitive). Members of the org. Answers an array.")
  public Response list(@RestQuery("course_id") String courseId, @RestQuery String enabled, @RestQuery String name,
      @RestQuery String org, @RestQuery("program_id") String programId, @RestQuery String slug) {
    String tenant = caller.get().tenantOrOwn(org);
    ProgramQuery query = new ProgramQuery(blankToNull(courseId), StrictQuery.bool("enabled", enabled), blankToNull(name), blankToNull(programId), blankToNull(slug));
    return lists.read("program", ListReads.scope("program", tenant, query.filters(tenant)),
        () -> {
          ArrayNode local = JsonNodeFactory.instance.arrayNode();
          ProgramReadModel.matching(tenant, query).forEach(p -> local.add(p.json()));
          return local;
        },
        () -> {
          JsonNode fresh = manager.listPrograms(query.filters(tenant));
          ProgramReadModel.replaceMatching(tenant, query, fresh);
          return fresh;
        });
  }

  @DELETE
  @Operation(summary = "Delete a program", description = "By org and program_id; administrators of the org only. Answers the Manager's ProgramDeleteResponse.")
  public JsonNode delete(@RestQuery String org, @RestQuery("program_id") String programId) {
    if (blankToNull(org) == null) {
      throw ProblemException.invalid("org", "is required");
    }
    if (blankToNull(programId) == null) {
      throw ProblemException.invalid("program_id", "is required");
    }
    Caller who = caller.get();
    who.requireAdmin(who.tenantOrOwn(org));
    JsonNode deleted = manager.deletePrograms(org, programId);
    ProgramReadModel.forget(org, programId);
    return deleted;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
