package ai.ibl.suite.catalog.pathway;

import ai.ibl.suite.catalog.readmodel.ListReads;
import ai.ibl.suite.catalog.upstream.ManagerGateway;
import jakarta.enterprise.context.ApplicationScoped;

/** Replaces a tenant's pathways in the read model with the Manager's full list (for reconciliation). */
@ApplicationScoped
public class PathwayRefresh {
  private final ManagerGateway manager;

  PathwayRefresh(ManagerGateway manager) {
    this.manager = manager;
  }

  public void refreshAll(String tenant) {
    PathwayQuery all = PathwayQuery.all();
    PathwayReadModel.replaceMatching(tenant, all, manager.listPathways(all.filters(tenant)));
    ListReads.confirm(ListReads.scope("pathway", tenant, all.filters(tenant)));
  }
}
