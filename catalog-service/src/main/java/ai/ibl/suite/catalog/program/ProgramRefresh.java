package ai.ibl.suite.catalog.program;

import ai.ibl.suite.catalog.readmodel.ListReads;
import ai.ibl.suite.catalog.upstream.ManagerGateway;
import jakarta.enterprise.context.ApplicationScoped;

/** Replaces a tenant's programs in the read model with the Manager's full list (for reconciliation). */
@ApplicationScoped
public class ProgramRefresh {
  private final ManagerGateway manager;

  ProgramRefresh(ManagerGateway manager) {
    this.manager = manager;
  }

  public void refreshAll(String tenant) {
    ProgramQuery all = ProgramQuery.all();
    ProgramReadModel.replaceMatching(tenant, all, manager.listPrograms(all.filters(tenant)));
    ListReads.confirm(ListReads.scope("program", tenant, all.filters(tenant)));
  }
}
