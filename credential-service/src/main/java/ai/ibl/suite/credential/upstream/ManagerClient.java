package ai.ibl.suite.credential.upstream;

import ai.ibl.suite.common.upstream.ManagerApiTokenHeaders;
import ai.ibl.suite.common.upstream.UpstreamErrorMapper;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The Manager's credentials API, as its OpenAPI description gives it. Used only through {@link ManagerGateway}. */
@RegisterRestClient(configKey = "manager")
@RegisterClientHeaders(ManagerApiTokenHeaders.class)
@RegisterProvider(UpstreamErrorMapper.class)
@Path("/api/credentials/orgs/{org}/users/{user}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ManagerClient {

  @GET
  @Path("/issuers/{id}")
  JsonNode issuer(@RestPath String org, @RestPath String user, @RestPath String id);

  @POST
  @Path("/issuers/")
  JsonNode createIssuer(@RestPath String org, @RestPath String user, @RestQuery String q, Object body);

  @PUT
  @Path("/issuers/{id}")
  JsonNode updateIssuer(@RestPath String org, @RestPath String user, @RestPath String id, Object body);

  @DELETE
  @Path("/issuers/{id}")
  void deleteIssuer(@RestPath String org, @RestPath String user, @RestPath String id);

  @POST
  @Path("/")
  JsonNode createCredential(@RestPath String org, @RestPath String user, Object body);

  @GET
  @Path("/{id}")
  JsonNode credential(@RestPath String org, @RestPath String user, @RestPath String id);

  @PUT
  @Path("/{id}")
  JsonNode updateCredential(@RestPath String org, @RestPath String user, @RestPath String id, Object body);

  @DELETE
  @Path("/{id}")
  void deleteCredential(@RestPath String org, @RestPath String user, @RestPath String id);

  @POST
  @Path("/{id}/assertions/")
  JsonNode issue(@RestPath String org, @RestPath String user, @RestPath String id, Object body);

  @GET
  @Path("/{id}/assertions/")
  JsonNode credentialAssertions(@RestPath String org, @RestPath String user, @RestPath String id);

  @GET
  @Path("/assertions/")
  JsonNode userAssertions(@RestPath String org, @RestPath String user, @RestQuery int page,
      @RestQuery("page_size") int pageSize, @RestQuery("include_revoked") boolean includeRevoked,
      @RestQuery("include_expired") boolean includeExpired);

  @GET
  @Path("/assertions/{id}")
  JsonNode assertion(@RestPath String org, @RestPath String user, @RestPath String id);

  @PUT
  @Path("/assertions/{id}")
  JsonNode updateAssertion(@RestPath String org, @RestPath String user, @RestPath String id, Object body);
}
