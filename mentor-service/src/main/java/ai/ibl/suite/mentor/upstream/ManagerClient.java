package ai.ibl.suite.mentor.upstream;

import ai.ibl.suite.common.upstream.ManagerApiTokenHeaders;
import ai.ibl.suite.common.upstream.UpstreamErrorMapper;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;

/** The Manager's ai-mentor API, as its OpenAPI description gives it. Used only through {@link ManagerGateway}. */
@RegisterRestClient(configKey = "manager")
@RegisterClientHeaders(ManagerApiTokenHeaders.class)
@RegisterProvider(UpstreamErrorMapper.class)
@Path("/api/ai-mentor/orgs/{org}/users/{user_id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ManagerClient {

  @POST
  @Path("/mentor-with-settings/")
  JsonNode createMentor(@RestPath String org, @RestPath("user_id") String userId, Object body);

  @GET
  @Path("/mentors/{mentor}/")
  JsonNode mentor(@RestPath String org, @RestPath("user_id") String userId, @RestPath String mentor);

  @GET
  @Path("/mentors/{mentor}/settings/")
  JsonNode settings(@RestPath String org, @RestPath("user_id") String userId, @RestPath String mentor);

  @GET
  @Path("/mentors/{mentor}/sharable-link")
  JsonNode sharableLink(@RestPath String org, @RestPath("user_id") String userId, @RestPath String mentor);
}
