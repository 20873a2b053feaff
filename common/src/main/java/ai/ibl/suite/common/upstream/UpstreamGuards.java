package ai.ibl.suite.common.upstream;

import ai.ibl.suite.common.SuiteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link UpstreamGuard} per upstream name, for the service's gateway beans and its health. */
@ApplicationScoped
public class UpstreamGuards {
  private final SuiteConfig config;
  private final Map<String, UpstreamGuard> guards = new ConcurrentHashMap<>();

  public UpstreamGuards(SuiteConfig config) {
    this.config = config;
  }

  public UpstreamGuard forUpstream(String name) {
    return guards.computeIfAbsent(name, n -> new UpstreamGuard(n, config.upstream().policy().get(n)));
  }

  public Map<String, UpstreamGuard> all() {
    return Map.copyOf(guards);
  }
}
