package ai.ibl.suite.mentor.mentor;

import ai.ibl.suite.common.freshness.PassClaim;
import ai.ibl.suite.common.freshness.ReadThrough;
import ai.ibl.suite.common.freshness.SyncMark;
import ai.ibl.suite.common.upstream.UpstreamRejectedException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps each tenant's mentors in step with the Manager, so changes made elsewhere on the platform
 * (settings edited, anonymous access switched, mentors deleted) show up without a caller asking.
 * The Manager's description has no mentor list, so every known mentor and its settings are
 * revalidated one by one; mentors the Manager no longer has are forgotten. A tenant
 * stops at the first sign the Manager is unavailable, to leave the breaker to do its job.
 */
@ApplicationScoped
public class MentorReconciler {
  private static final Logger LOG = Logger.getLogger(MentorReconciler.class);

  private final MentorReads reads;
  private final MentorUpstreamConfig config;
  private final PassClaim claims;

  MentorReconciler(MentorReads reads, MentorUpstreamConfig config, PassClaim claims) {
    this.claims = claims;
    this.reads = reads;
    this.config = config;
  }

  @Scheduled(every = "${mentor.reconcile.every}", identity = "mentor-reconcile",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void reconcileAll(ScheduledExecution execution) {
    // Every replica's scheduler fires; one of them runs the pass.
    if (!claims.claim("mentor-reconcile", execution)) {
      return;
    }
    for (String tenant : MentorReadModel.tenants()) {
      reconcile(tenant);
    }
  }

  /** Revalidates every mentor of {@code tenant}; answers how many the Manager confirmed. */
  @ActivateRequestContext
  public int reconcile(String tenant) {
    String user = config.actingUser();
    int confirmed = 0;
    for (MentorReadModel mentor : MentorReadModel.allOfTenant(tenant)) {
      try {
        reads.revalidate(tenant, user, mentor.upstreamKey(), mentor.id);
        // Settings too: they carry who may see the mentor.
        reads.revalidateSettings(tenant, user, mentor.upstreamKey(), mentor.id);
        confirmed++;
      } catch (UpstreamRejectedException e) {
        if (!e.isNotFound()) {
          LOG.warnf("Reconciling mentor %d of tenant %s: the Manager refused (%d)", mentor.id, tenant, e.upstreamStatus());
        }
      } catch (RuntimeException e) {
        if (ReadThrough.isUnavailable(e)) {
          LOG.infof("Reconciling tenant %s paused: the Manager is unavailable", tenant);
          return confirmed;
        }
        throw e;
      }
    }
    QuarkusTransaction.requiringNew().run(() -> SyncMark.mark("mentor:tenant:" + tenant, Instant.now()));
    return confirmed;
  }
}
