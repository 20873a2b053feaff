package ai.ibl.suite.catalog.readmodel;

import static ai.ibl.suite.catalog.CatalogTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ibl.suite.common.SuiteConfig;
import ai.ibl.suite.common.freshness.SyncMark;
import ai.ibl.suite.common.freshness.SyncMarkPruner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SyncMarkPrunerTest {
  @Inject
  SyncMarkPruner pruner;

  @Inject
  SuiteConfig config;

  @Test
  void marksOlderThanTheRetentionAreDeletedAndRecentOnesKept() {
    Duration retention = config.freshness().markRetention();
    String old = "list:" + unique("old");
    String recent = "list:" + unique("recent");
    QuarkusTransaction.requiringNew().run(() -> {
      SyncMark.mark(old, Instant.now().minus(retention).minus(Duration.ofMinutes(1)));
      SyncMark.mark(recent, Instant.now().minus(retention).plus(Duration.ofMinutes(5)));
    });

    assertThat(pruner.prune()).isGreaterThanOrEqualTo(1);

    QuarkusTransaction.requiringNew().run(() -> {
      assertThat(SyncMark.lastSync(old)).as("not confirmed within the retention").isNull();
      assertThat(SyncMark.lastSync(recent)).isNotNull();
    });
  }
}
