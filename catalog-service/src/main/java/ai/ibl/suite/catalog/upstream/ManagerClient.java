package ai.ibl.suite.catalog.upstream;

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
}
