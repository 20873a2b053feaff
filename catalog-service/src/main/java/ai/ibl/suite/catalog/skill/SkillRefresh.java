package ai.ibl.suite.catalog.skill;

import ai.ibl.suite.catalog.upstream.ManagerGateway;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Replaces a tenant's skills in the read model with every page the Manager lists (for reconciliation). */
@ApplicationScoped
public class SkillRefresh {
  /** Bounds a runaway listing: 100 pages of 100 skills per tenant. */
  private static final int MAX_PAGES = 100;

  private final ManagerGateway manager;

  SkillRefresh(ManagerGateway manager) {
    this.manager = manager;
  }

  public void refreshAll(String tenant) {
    List<JsonNode> all = new ArrayList<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      JsonNode answer = manager.findSkills(new SkillQuery(null, null, null, null, page, 100, "id").filters(tenant));
      answer.path("results").forEach(all::add);
      if (answer.path("next_page").asText("").isEmpty()) {
        SkillReadModel.replaceAll(tenant, all);
        return;
      }
    }
    // Too many pages to be sure of the whole list: keep what was read, delete nothing.
    SkillReadModel.keepAll(tenant, all);
  }
}
