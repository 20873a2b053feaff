package ai.ibl.suite.catalog.upstream;

import ai.ibl.suite.common.upstream.UpstreamErrorMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The CMS's course-authoring API (ibl.ai's Open edX plugin). The CMS trusts OAuth2 access tokens
 * from the LMS, so every call carries one obtained with this service's own client credentials
 * ({@code quarkus.oidc-client.*}); the caller's token is never forwarded. Used only through
 * {@link CmsGateway}.
 */
@RegisterRestClient(configKey = "cms")
@RegisterProvider(UpstreamErrorMapper.class)
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface CmsClient {

  @POST
  @Path("/api/ibl/manage/course")
  JsonNode createCourse(Object body);

  @GET
  @Path("/api/ibl/manage/course")
  JsonNode course(@RestQuery("course_key") String courseKey);

  @POST
  @Path("/api/v1/ibl/xblock/create")
  JsonNode createXBlock(Object body);

  @POST
  @Path("/api/v1/ibl/xblock/component/create")
  JsonNode createComponent(Object body);

  @POST
  @Path("/api/v1/ibl/xblock/update")
  JsonNode updateXBlock(Object body);

  @GET
  @Path("/api/v1/ibl/xblock/get-details")
  JsonNode xblockDetails(@RestQuery("locator") String locator);

  @POST
  @Path("/api/v1/ibl/xblock/publish")
  JsonNode publish(Object body);

  @POST
  @Path("/api/v1/ibl/ibl_edx_scorm/update")
  JsonNode updateScorm(Object body);

  @POST
  @Path("/api/v1/ibl/course/add_lti_passport")
  JsonNode addLtiPassport(Object body);
}
