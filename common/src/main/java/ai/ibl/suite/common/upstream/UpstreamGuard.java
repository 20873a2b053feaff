package ai.ibl.suite.common.upstream;

import ai.ibl.suite.common.SuiteConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.ws.rs.ProcessingException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The fault tolerance around one upstream: a timeout on every call, a circuit breaker named after
 * the upstream and shared by all its calls, a bulkhead, and, for idempotent calls only, retries
 * with jitter. Numbers come from {@code suite.upstream.policy.<name>.*}. The upstream's refusals
 * (4xx) neither trip the breaker nor get retried: the upstream is healthy and said no.
 */
public final class UpstreamGuard {
  private final String name;
  private final Guard guarded;
  private final Guard retrying;

  UpstreamGuard(String name, SuiteConfig.Policy policy) {
    this.name = name;
    this.guarded = Guard.create()
        .withDescription("upstream " + name)
        .withTimeout().duration(policy.timeout().toMillis(), ChronoUnit.MILLIS).done()
        .withCircuitBreaker()
            .name(name)
            .requestVolumeThreshold(policy.breakerWindow())
            .failureRatio(policy.breakerFailureRatio())
            .delay(policy.breakerDelay().toMillis(), ChronoUnit.MILLIS)
            .successThreshold(policy.breakerSuccesses())
            .skipOn(UpstreamRejectedException.class)
            .done()
        .withBulkhead().limit(policy.bulkhead()).done()
        .build();
    this.retrying = Guard.create()
        .withDescription("retries of upstream " + name)
        .withRetry()
            .maxRetries(policy.retries())
            .delay(policy.retryDelay().toMillis(), ChronoUnit.MILLIS)
            .jitter(policy.retryJitter().toMillis(), ChronoUnit.MILLIS)
            .retryOn(List.of(UpstreamFailedException.class, TimeoutException.class, ProcessingException.class))
            .abortOn(List.of(UpstreamRejectedException.class, CircuitBreakerOpenException.class, BulkheadException.class))
            .done()
        .build();
  }

  public String name() {
    return name;
  }

  /** A call that may safely happen twice (reads, idempotent upserts): retried, then guarded. */
  @SuppressWarnings("unchecked")
  public <T> T idempotent(Supplier<T> call) {
    return (T) retrying.get(() -> guarded.get(call::get, Object.class), Object.class);
  }

  /** A call that must not be repeated blindly (creates, deletes): guarded, never retried. */
  @SuppressWarnings("unchecked")
  public <T> T once(Supplier<T> call) {
    return (T) guarded.get(call::get, Object.class);
  }

  public CircuitBreakerState breakerState() {
    return CircuitBreakerMaintenance.get().currentState(name);
  }
}
