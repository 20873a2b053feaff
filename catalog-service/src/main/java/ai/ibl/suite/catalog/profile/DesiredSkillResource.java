package ai.ibl.suite.catalog.profile;

import ai.ibl.suite.common.http.OpenApiInfo;
import ai.ibl.suite.catalog.upstream.ManagerGateway.UserList;
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

@Path("/api/catalog/skills/desired/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "skills")
@SecurityRequirement(name = OpenApiInfo.BEARER)
public class DesiredSkillResource {
  private final UserLists lists;

  DesiredSkillResource(UserLists lists) {
    this.lists = lists;
  }

  @POST
  @Operation(summary = "Set a user's desired skills", description = "The user themselves (user_id/username as in their token) or a tenant admin. Skills are named; the Manager is sent them as objects within the tenant.")
  public JsonNode save(@Valid @NotNull UserListRequest.Skills body) {
    return lists.save(UserList.DESIRED_SKILLS, "skills", body);
  }

  @GET
  @Operation(summary = "Read a user's desired skills", description = "By user_id or username. The user themselves or a tenant admin. Served from the read model while fresh.")
  public Response find(@RestQuery("user_id") String userId, @RestQuery String username,
      @RestQuery("platform_key") String platformKey) {
    return lists.find(UserList.DESIRED_SKILLS, userId, username, platformKey);
  }
}
