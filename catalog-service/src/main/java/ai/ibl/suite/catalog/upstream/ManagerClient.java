package ai.ibl.suite.catalog.upstream;

import ai.ibl.suite.common.upstream.ManagerApiTokenHeaders;
import ai.ibl.suite.common.upstream.UpstreamErrorMapper;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/** The Manager's catalog API, as its OpenAPI description gives it. Used only through {@link ManagerGateway}. */
@RegisterRestClient(configKey = "manager")
@RegisterClientHeaders(ManagerApiTokenHeaders.class)
@RegisterProvider(UpstreamErrorMapper.class)
@Path("/api/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ManagerClient {

  @POST
  @Path("/roles/")
  JsonNode saveRole(Object body);

  @GET
  @Path("/roles/")
  JsonNode findRole(@RestQuery Long id, @RestQuery String name, @RestQuery String slug,
      @RestQuery("platform_key") String platformKey);

  // --- A user's desired and reported roles and skills: {user_id, username, roles|skills, data}.

  @POST
  @Path("/roles/desired/")
  JsonNode saveDesiredRoles(Object body);

  @GET
  @Path("/roles/desired/")
  JsonNode findDesiredRoles(@RestQuery("user_id") Long userId, @RestQuery String username);

  @POST
  @Path("/roles/reported/")
  JsonNode saveReportedRoles(Object body);

  @GET
  @Path("/roles/reported/")
  JsonNode findReportedRoles(@RestQuery("user_id") Long userId, @RestQuery String username);

  @POST
  @Path("/skills/desired/")
  JsonNode saveDesiredSkills(Object body);

  @GET
  @Path("/skills/desired/")
  JsonNode findDesiredSkills(@RestQuery("user_id") Long userId, @RestQuery String username);

  @POST
  @Path("/skills/reported/")
  JsonNode saveReportedSkills(Object body);

  @GET
  @Path("/skills/reported/")
  JsonNode findReportedSkills(@RestQuery("user_id") Long userId, @RestQuery String username);

  // --- Skills: the description takes the skill in the query and answers PaginatedSkill.

  @POST
  @Path("/skills/")
  JsonNode saveSkill(@RestQuery Map<String, String> skill, Object body);

  @GET
  @Path("/skills/")
  JsonNode findSkills(@RestQuery Map<String, String> filters);

  // --- Programs, pathways, resources: create-or-update, filtered lists, deletes by query.

  @POST
  @Path("/programs/")
  JsonNode saveProgram(Object body);

  @GET
  @Path("/programs/")
  JsonNode listPrograms(@RestQuery Map<String, String> filters);

  @DELETE
  @Path("/programs/")
  JsonNode deletePrograms(@RestQuery String org, @RestQuery("program_id") String programId);

  @POST
  @Path("/pathways/")
  JsonNode savePathway(Object body);

  @GET
  @Path("/pathways/")
  JsonNode listPathways(@RestQuery Map<String, String> filters);

  @DELETE
  @Path("/pathways/")
  JsonNode deletePathways(@RestQuery Map<String, String> filters);

  @POST
  @Path("/resources/")
  JsonNode saveResource(@RestQuery Map<String, String> scope, Object body);

  @GET
  @Path("/resources/")
  JsonNode listResources(@RestQuery Map<String, String> filters);

  @DELETE
  @Path("/resources/")
  JsonNode deleteResources(@RestQuery Map<String, String> filters);

  // --- Course metadata: the description documents no answer bodies, only statuses.

  @GET
  @Path("/metadata/course/")
  String findCourseMetadata(@RestQuery("course_id") String courseId);

  @POST
  @Path("/metadata/course/")
  String updateCourseMetadata(@RestQuery("course_id") String courseId, Object body);
}
