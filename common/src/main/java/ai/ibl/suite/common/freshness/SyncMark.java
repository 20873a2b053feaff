package ai.ibl.suite.common.freshness;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * When a scope of the read model (one entity, or one list query) was last confirmed against the
 * upstream. Every service's first migration creates {@code sync_mark}:
 * {@code (scope varchar(512) primary key, synced_at timestamp with time zone not null)}.
 */
@Entity
@Table(name = "sync_mark")
public class SyncMark extends PanacheEntityBase {
  @Id
  @Column(length = 512)
  public String scope;

  @Column(name = "synced_at", nullable = false)
  public Instant syncedAt;

  public static Instant lastSync(String scope) {
    SyncMark mark = findById(scope);
    return mark == null ? null : mark.syncedAt;
  }

  public static void mark(String scope, Instant at) {
    SyncMark mark = findById(scope);
    if (mark == null) {
      mark = new SyncMark();
      mark.scope = scope;
      mark.syncedAt = at;
      mark.persist();
    } else {
      mark.syncedAt = at;
    }
  }

  public static void forget(String scope) {
    deleteById(scope);
  }
}
