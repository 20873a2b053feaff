package ai.ibl.suite.common.freshness;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Lets one replica of a service run a scheduled pass (a reconciliation) while the others skip it.
 * Every replica's scheduler fires; the first to claim the pass in the shared database runs it. The
 * claim is the {@code sync_mark} row {@code pass:<name>}, holding when the last pass started: a
 * replica wins when no pass started within nine tenths of the interval (the rest absorbs timer
 * jitter), so the pass runs about once per interval however many replicas there are, and another
 * replica takes over within an interval when the one running it goes away. Both the update and
 * the first insert are single conditional statements: two replicas never both win, and the loser
 * sees no error.
 */
@ApplicationScoped
public class PassClaim {

  /** Claims the pass of a {@code @Scheduled} method, from its trigger's interval. */
  public boolean claim(String name, ScheduledExecution execution) {
    Instant previous = execution.getTrigger().getPreviousFireTime();
    Instant next = execution.getTrigger().getNextFireTime();
    Duration interval = previous != null && next != null ? Duration.between(previous, next) : Duration.ZERO;
    return claim(name, interval.multipliedBy(9).dividedBy(10));
  }

  /** True when this replica may run the pass now: no pass started within {@code quietFor}. */
  public boolean claim(String name, Duration quietFor) {
    String scope = "pass:" + name;
    Instant now = Instant.now();
    return QuarkusTransaction.requiringNew().call(() -> {
      if (SyncMark.update("syncedAt = ?1 where scope = ?2 and syncedAt <= ?3", now, scope, now.minus(quietFor)) == 1) {
        return true;
      }
      // The first pass ever: whoever inserts the row wins; a concurrent insert does nothing.
      return Panache.getEntityManager()
          .createNativeQuery("insert into {h-schema}sync_mark (scope, synced_at) values (?1, ?2) on conflict do nothing")
          .setParameter(1, scope).setParameter(2, now)
          .executeUpdate() == 1;
    });
  }
}
