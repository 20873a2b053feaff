package ai.ibl.suite.common.freshness;

import ai.ibl.suite.common.SuiteConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes sync marks older than {@code suite.freshness.mark-retention}. Every distinct list query
 * leaves a mark, so without this the table grows with whatever callers send; a query whose mark
 * is gone has no copy to serve stale and is fetched afresh on its next read.
 */
@ApplicationScoped
public class SyncMarkPruner {
  private static final Logger LOG = Logger.getLogger(SyncMarkPruner.class);

  private final SuiteConfig config;
  private final PassClaim claims;

  SyncMarkPruner(SuiteConfig config, PassClaim claims) {
    this.config = config;
    this.claims = claims;
  }

  @Scheduled(every = "${suite.freshness.prune-every:6H}", identity = "sync-mark-prune",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled(ScheduledExecution execution) {
    if (claims.claim("sync-mark-prune", execution)) {
      prune();
    }
  }

  /** Deletes the marks not confirmed within the retention; answers how many. */
  public long prune() {
    Instant before = Instant.now().minus(config.freshness().markRetention());
    long deleted = QuarkusTransaction.requiringNew().call(() -> SyncMark.delete("syncedAt < ?1", before));
    if (deleted > 0) {
      LOG.infof("Pruned %d sync marks not confirmed since %s", deleted, before);
    }
    return deleted;
  }
}
