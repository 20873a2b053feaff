package ai.ibl.suite.mentor.chat;

import ai.ibl.suite.common.upstream.ManagerApiTokenHeaders;
import ai.ibl.suite.common.upstream.UpstreamErrorMapper;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The one Manager call the chat needs: a mentor's settings. Used only by {@link ManagerMentorPolicy}. */
@RegisterRestClient(configKey = "manager")
@RegisterClientHeaders(ManagerApiTokenHeaders.class)
@RegisterProvider(UpstreamErrorMapper.class)
@Path("/api/ai-mentor/orgs")
@Produces(MediaType.APPLICATION_JSON)
interface MentorSettingsClient {

  @GET
  @Path("/{org}/users/{user_id}/mentors/{mentor}/settings/")
  JsonNode settings(@PathParam("org") String org, @PathParam("user_id") String userId,
      @PathParam("mentor") String mentor);
}
