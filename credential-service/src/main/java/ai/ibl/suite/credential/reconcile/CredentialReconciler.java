package ai.ibl.suite.credential.reconcile;

import ai.ibl.suite.credential.CredentialConfig;
import ai.ibl.suite.credential.assertion.AssertionReadModel;
import ai.ibl.suite.credential.credential.CredentialReadModel;
import ai.ibl.suite.credential.issuer.IssuerReadModel;
import ai.ibl.suite.credential.upstream.ManagerGateway;
import ai.ibl.suite.common.freshness.PassClaim;
import ai.ibl.suite.common.upstream.UpstreamRejectedException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Brings the read model back in line with the Manager, so changes made elsewhere on the platform
 * (a credential edited in the Manager's admin, an assertion revoked there) show up. The Manager's
 * credential APIs read one entity at a time (its collection calls answer single objects), so each
 * known issuer, credential and assertion is re-read; copies the Manager no longer has are deleted.
 * A row that fails is left as it is and tried again on the next run.
 */
@ApplicationScoped
public class CredentialReconciler {
  private static final Logger LOG = Logger.getLogger(CredentialReconciler.class);

  private final ManagerGateway manager;
  private final String actingUser;
  private final PassClaim claims;

  CredentialReconciler(ManagerGateway manager, CredentialConfig config, PassClaim claims) {
    this.claims = claims;
    this.manager = manager;
    this.actingUser = config.reconcile().actingUser();
  }

  @Scheduled(every = "${credential.reconcile.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      identity = "credential-reconcile")
  void scheduled(ScheduledExecution execution) {
    // Every replica's scheduler fires; one of them runs the pass.
    if (claims.claim("credential-reconcile", execution)) {
      reconcile();
    }
  }

  /** One full pass; returns how many rows could not be confirmed (each is logged). */
  @ActivateRequestContext
  public int reconcile() {
    int failures = 0;
    List<IssuerReadModel> issuers = QuarkusTransaction.requiringNew().call(() -> IssuerReadModel.<IssuerReadModel>listAll());
    for (IssuerReadModel row : issuers) {
      failures += reread("issuer " + row.entityId,
          () -> manager.issuer(row.tenant, actingUser, row.entityId),
          answer -> IssuerReadModel.store(row.tenant, answer, null),
          () -> IssuerReadModel.forget(row.entityId));
    }
    List<CredentialReadModel> credentials = QuarkusTransaction.requiringNew().call(() -> CredentialReadModel.<CredentialReadModel>listAll());
    for (CredentialReadModel row : credentials) {
      failures += reread("credential " + row.entityId,
          () -> manager.credential(row.tenant, actingUser, row.entityId),
          answer -> CredentialReadModel.store(row.tenant, answer, null),
          () -> CredentialReadModel.forget(row.entityId));
    }
    List<AssertionReadModel> assertions = QuarkusTransaction.requiringNew().call(() -> AssertionReadModel.<AssertionReadModel>listAll());
    for (AssertionReadModel row : assertions) {
      failures += reread("assertion " + row.entityId,
          () -> manager.assertion(row.tenant, actingUser, row.entityId),
          answer -> AssertionReadModel.keep(row.tenant, answer),
          () -> QuarkusTransaction.requiringNew().run(() -> AssertionReadModel.deleteById(row.entityId)));
    }
    return failures;
  }

  private static int reread(String what, Supplier<com.fasterxml.jackson.databind.JsonNode> fetch,
      java.util.function.Consumer<com.fasterxml.jackson.databind.JsonNode> keep, Runnable forget) {
    try {
      keep.accept(fetch.get());
      return 0;
    } catch (UpstreamRejectedException e) {
      if (e.isNotFound()) {
        forget.run();
        return 0;
      }
      LOG.warnf("Reconciliation could not confirm %s: the Manager refused (%d)", what, e.upstreamStatus());
      return 1;
    } catch (RuntimeException e) {
      LOG.warnf("Reconciliation could not confirm %s: %s", what, e.getClass().getSimpleName());
      return 1;
    }
  }
}
