package ai.ibl.suite.mentor.mentor;

import ai.ibl.suite.common.error.ProblemException;
import ai.ibl.suite.common.error.ProblemType;
import ai.ibl.suite.common.http.OpenApiInfo;
import ai.ibl.suite.common.page.PageRequest;
import ai.ibl.suite.common.page.PlatformPage;
import ai.ibl.suite.common.tenant.Caller;
import ai.ibl.suite.common.tenant.CurrentCaller;
import ai.ibl.suite.mentor.upstream.ManagerGateway;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * The platform's mentor API: create a mentor from a template with its settings, read a mentor and
 * its settings, list a tenant's mentors. {@code {org}} is the tenant; {@code {user_id}} the
 * platform username the call is made for (the caller's own, unless the caller administers the tenant).
 */
@Path("/api/ai-mentor/orgs/{org}/users/{user_id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ai-mentor")
@SecurityRequirement(name = OpenApiInfo.BEARER)
public class MentorResource {
  private final ManagerGateway manager;
  private final MentorReads reads;
  private final MentorForms forms;
  private final Validator validator;
  private final CurrentCaller caller;

  MentorResource(ManagerGateway manager, MentorReads reads, MentorForms forms, Validator validator,
      CurrentCaller caller) {
    this.manager = manager;
    this.reads = reads;
    this.forms = forms;
    this.validator = validator;
    this.caller = caller;
  }

  @POST
  @Path("/mentor-with-settings/")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a mentor from a template, with its settings",
      description = "Tenant admins of {org} only. Accepts the body as JSON, as a URL-encoded form or as multipart "
          + "form data (list fields as repeated keys or one JSON array; metadata, seo_tags and "
          + "marketing_conversations as JSON text). Answers the Manager's Mentor.")
  @RequestBody(required = true, content = {
      @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MentorRequest.class)),
      @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = MentorRequest.class)),
      @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = MentorRequest.class))})
  public JsonNode create(@RestPath String org, @RestPath("user_id") String userId, MentorRequest mentor) {
    requireCreator(org);
    if (mentor == null) {
      throw ProblemException.invalid("body", "is required");
    }
    Set<ConstraintViolation<MentorRequest>> violations = validator.validate(mentor);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return save(org, userId, mentor);
  }

  @POST
  @Path("/mentor-with-settings/")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public JsonNode createFromForm(@RestPath String org, @RestPath("user_id") String userId,
      MultivaluedMap<String, String> form) throws JsonProcessingException {
    requireCreator(org);
    return save(org, userId, forms.read(form == null ? Map.of() : form));
  }

  @POST
  @Path("/mentor-with-settings/")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(hidden = true)
  public JsonNode createFromMultipart(@RestPath String org, @RestPath("user_id") String userId,
      MultipartFormDataInput input) throws JsonProcessingException {
    requireCreator(org);
    Map<String, List<String>> form = new LinkedHashMap<>();
    if (input != null) {
      input.getValues().forEach((name, values) -> {
        List<String> texts = new ArrayList<>();
        for (FormValue value : values) {
          // Files carry no mentor field; profile images are given as URLs.
          if (!value.isFileItem() && value.getValue() != null) {
            texts.add(value.getValue());
          }
        }
        if (!texts.isEmpty()) {
          form.put(name, texts);
        }
      });
    }
    return save(org, userId, forms.read(form));
  }

  @GET
  @Path("/mentors/")
  @Operation(summary = "List the tenant's mentors",
      description = "From the read model, which reconciliation keeps in step with the Manager; in the platform's "
          + "paginated envelope, ordered by id. Mentors viewable by tenant admins only are listed to those admins only.")
  public PlatformPage<JsonNode> list(@RestPath String org, @RestPath("user_id") String userId,
      @Parameter(description = "Page number, from 1", schema = @Schema(type = SchemaType.INTEGER)) @RestQuery String page,
      @Parameter(description = "Items per page, 1 to 100", schema = @Schema(type = SchemaType.INTEGER))
      @RestQuery("page_size") String pageSize,
      @Context UriInfo uri) {
    Caller who = requireReader(org, userId);
    PageRequest request = PageRequest.parse(page, pageSize);
    var query = MentorReadModel.ofTenant(org, who.isAdminOf(org), request);
    List<JsonNode> data = query.list().stream().map(MentorReadModel::json).toList();
    return PlatformPage.of(data, query.count(), request, uri);
  }

  @GET
  @Path("/mentors/{mentor}/")
  @Operation(summary = "Retrieve a mentor by slug, name, id or unique id",
      description = "Served from the read model while fresh; marked stale (Age, Cache-Status) when the Manager is unavailable. "
          + "A mentor viewable by tenant admins only is not found for other callers.")
  public Response mentor(@RestPath String org, @RestPath("user_id") String userId, @RestPath String mentor) {
    Caller who = requireReader(org, userId);
    var served = reads.mentor(org, userId, mentor);
    boolean hidden = MentorReadModel.lookup(org, mentor).map(MentorReadModel::adminsOnly).orElse(false);
    if (hidden && !who.isAdminOf(org)) {
      // Answered as the absence it is for this caller, so its existence is not revealed.
      throw ProblemException.notFound("Tenant '" + org + "' has no mentor '" + mentor + "'.");
    }
    return served.toResponse();
  }

  @GET
  @Path("/mentors/{mentor}/settings/")
  @Operation(summary = "Retrieve a mentor's settings",
      description = "Tenant admins only, as on the platform. Served from the read model while fresh; marked stale when "
          + "the Manager is unavailable.")
  public Response settings(@RestPath String org, @RestPath("user_id") String userId, @RestPath String mentor) {
    caller.get().requireAdmin(org);
    return reads.settings(org, userId, mentor).toResponse();
  }

  private void requireCreator(String org) {
    caller.get().requireAdmin(org);
  }

  /** Members read within their tenant, as themselves; admins of the tenant for anyone in it. */
  private Caller requireReader(String org, String userId) {
    return caller.get().requireSelfOrAdmin(org, null, userId);
  }

  private JsonNode save(String org, String userId, MentorRequest mentor) {
    if (mentor.slug() != null && MentorReadModel.slugTaken(org, mentor.slug())) {
      throw ProblemException.of(ProblemType.CONFLICT,
          "Tenant '" + org + "' already has a mentor with slug '" + mentor.slug() + "'.");
    }
    JsonNode created = manager.createMentor(org, userId, mentor.forManager());
    MentorReadModel.storeRacing(org, created, mentor.slug(), mentor.mentorVisibility());
    return created;
  }
}
