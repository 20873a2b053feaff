package ai.ibl.suite.common.freshness;

import ai.ibl.suite.common.SuiteConfig;
import ai.ibl.suite.common.upstream.UpstreamFailedException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The read policy of DESIGN.md, in one place: serve the read model while it is fresh; past its TTL
 * revalidate from the upstream; when the upstream cannot answer, serve the last copy marked stale;
 * with no copy, let the upstream failure answer (503/504). Upstream 4xx (including 404) propagate:
 * the upstream is healthy and said no.
 */
@ApplicationScoped
public class ReadThrough {
  private static final Logger LOG = Logger.getLogger(ReadThrough.class);

  private final SuiteConfig config;
  private final MeterRegistry metrics;
  private final String cacheName;
  private final Clock clock = Clock.systemUTC();

  public ReadThrough(SuiteConfig config, MeterRegistry metrics,
      @ConfigProperty(name = "quarkus.application.name") String application) {
    this.config = config;
    this.metrics = metrics;
    this.cacheName = application;
  }

  /**
   * @param entity names the TTL ({@code suite.freshness.ttl.<entity>}) and the metric tag
   * @param syncedAt when the local copy was last confirmed, or null when there is none
   * @param local reads the local copy (called only when one exists)
   * @param revalidate asks the upstream, stores what it says, and returns it
   */
  public <T> Served<T> read(String entity, Instant syncedAt, Supplier<T> local, Supplier<T> revalidate) {
    Instant now = clock.instant();
    Duration ttl = config.freshness().ttlOf(entity);
    if (syncedAt != null && Duration.between(syncedAt, now).compareTo(ttl) < 0) {
      return count(entity, new Served<>(local.get(), CacheOutcome.HIT, Duration.between(syncedAt, now), cacheName));
    }
    try {
      T fresh = revalidate.get();
      return count(entity, new Served<>(fresh, syncedAt == null ? CacheOutcome.MISS : CacheOutcome.REVALIDATED,
          Duration.ZERO, cacheName));
    } catch (RuntimeException e) {
      if (syncedAt == null || !isUnavailable(e)) {
        throw e;
      }
      LOG.debugf("Serving stale %s: upstream unavailable (%s)", entity, e.getClass().getSimpleName());
      return count(entity, new Served<>(local.get(), CacheOutcome.STALE, Duration.between(syncedAt, now), cacheName));
    }
  }

  /** The failures that mean "the upstream could not answer", as opposed to "it said no". */
  public static boolean isUnavailable(Throwable e) {
    return e instanceof UpstreamFailedException
        || e instanceof CircuitBreakerOpenException
        || e instanceof TimeoutException
        || e instanceof BulkheadException
        || e instanceof ProcessingException;
  }

  private <T> Served<T> count(String entity, Served<T> served) {
    metrics.counter("suite.read_model.reads", "entity", entity, "outcome", served.outcome().name().toLowerCase())
        .increment();
    if (served.isStale()) {
      metrics.summary("suite.read_model.stale_age_seconds", "entity", entity).record(served.age().toSeconds());
    }
    return served;
  }
}
