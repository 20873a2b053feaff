package ai.ibl.suite.catalog.resource;

import ai.ibl.suite.catalog.readmodel.ListReads;
import ai.ibl.suite.catalog.upstream.ManagerGateway;
import jakarta.enterprise.context.ApplicationScoped;

/** Replaces a tenant's resources in the read model with the Manager's full list (for reconciliation). */
@ApplicationScoped
public class ResourceRefresh {
  private final ManagerGateway manager;

  ResourceRefresh(ManagerGateway manager) {
    this.manager = manager;
  }

  public void refreshAll(String tenant) {
    ResourceQuery all = ResourceQuery.all(tenant);
    ResourceReadModel.replaceMatching(tenant, all, manager.listResources(all.filters()));
    ListReads.confirm(ListReads.scope("resource", tenant, all.filters()));
  }
}
