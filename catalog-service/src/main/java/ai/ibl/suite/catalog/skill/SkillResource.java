package ai.ibl.suite.catalog.skill;

import ai.ibl.suite.common.http.OpenApiInfo;
import ai.ibl.suite.catalog.readmodel.ListReads;
import ai.ibl.suite.common.http.StrictQuery;
import ai.ibl.suite.catalog.upstream.ManagerGateway;
import ai.ibl.suite.common.tenant.Caller;
import ai.ibl.suite.common.tenant.CurrentCaller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/catalog/skills/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "skills")
@SecurityRequirement(name = OpenApiInfo.BEARER)
public class SkillResource {
  private final ManagerGateway manager;
  private final ListReads lists;
  private final CurrentCaller caller;

  SkillResource(ManagerGateway manager, ListReads lists, CurrentCaller caller) {
    this.manager = manager;
    this.lists = lists;
    this.caller = caller;
  }

  @POST
  @Operation(summary = "Create or update a skill", description = "Tenant admins only. Matched by id, else slug, else name, within the tenant. Answers the Manager's PaginatedSkill.")
  public JsonNode save(@Valid @NotNull SkillRequest skill) {
    Caller who = caller.get();
    String tenant = who.tenantOrOwn(skill.platformKey());
    who.requireAdmin(tenant);
    JsonNode saved = manager.saveSkill(skill.query(tenant), SkillRequest.body());
    SkillReadModel.keepPage(tenant, saved);
    return saved;
  }

  @GET
  @Operation(summary = "Search skills", description = "Filters id, name, name__iexact, slug; paged. Served from the read model while fresh; marked stale when the Manager is unavailable.")
  public Response find(@RestQuery String id, @RestQuery String name,
      @RestQuery("name__iexact") String nameIexact, @RestQuery String slug,
      @RestQuery("platform_key") String platformKey,
      @RestQuery String page, @RestQuery("page_size") String pageSize,
      @RestQuery @Pattern(regexp = "^-?(id|name|slug)$", message = "must be id, name or slug, optionally prefixed with -") String sort) {
    String tenant = caller.get().tenantOrOwn(platformKey);
    Integer pageNumber = StrictQuery.positive("page", page, Integer.MAX_VALUE);
    Integer size = StrictQuery.positive("page_size", pageSize, 100);
    SkillQuery query = new SkillQuery(StrictQuery.positive("id", id), blankToNull(name), blankToNull(nameIexact),
        blankToNull(slug), pageNumber == null ? 1 : pageNumber, size == null ? 10 : size, blankToNull(sort));
    return lists.read("skill", ListReads.scope("skill", tenant, query.filters(tenant)),
        () -> localPage(tenant, query),
        () -> {
          JsonNode fresh = manager.findSkills(query.filters(tenant));
          SkillReadModel.keepPage(tenant, fresh);
          if (query.page() == 1 && fresh.path("next_page").asText("").isEmpty()) {
            SkillReadModel.forgetMissing(tenant, query, fresh);
          }
          return fresh;
        });
  }

  /** The read model's skills for a query, in the Manager's {@code PaginatedSkill} shape. */
  private static JsonNode localPage(String tenant, SkillQuery query) {
    List<SkillReadModel> all = SkillReadModel.matching(tenant, query);
    int from = Math.min(all.size(), (query.page() - 1) * query.pageSize());
    int to = Math.min(all.size(), from + query.pageSize());
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.put("count", all.size());
    answer.put("next_page", to < all.size() ? "?page=" + (query.page() + 1) + "&page_size=" + query.pageSize() : "");
    answer.put("previous_page", query.page() > 1 ? "?page=" + (query.page() - 1) + "&page_size=" + query.pageSize() : "");
    var results = answer.putArray("results");
    all.subList(from, to).forEach(r -> results.add(r.json()));
    return answer;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
