package ai.ibl.suite.common.upstream;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports each upstream's circuit breaker in the readiness document. It stays UP while a breaker
 * is open: reads are then served from the read model, so taking the replica out of rotation would
 * only turn stale answers into no answers.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements HealthCheck {
  private final UpstreamGuards guards;

  public UpstreamReadiness(UpstreamGuards guards) {
    this.guards = guards;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
    guards.all().forEach((name, guard) -> builder.withData(name, guard.breakerState().name().toLowerCase()));
    return builder.build();
  }
}
