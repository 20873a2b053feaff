package ai.ibl.suite.common.freshness;

import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** A value read through the read model, with how it was served and how old it is. */
public record Served<T>(T value, CacheOutcome outcome, Duration age, String cacheName) {

  public static final String CACHE_STATUS = "Cache-Status";

  public boolean isStale() {
    return outcome == CacheOutcome.STALE;
  }

  /** 200 with the value, {@code Age} and {@code Cache-Status}. */
  public Response toResponse() {
    return Response.ok(value)
        .header("Age", Math.max(0, age.toSeconds()))
        .header(CACHE_STATUS, cacheName + "; " + outcome.directive())
        .build();
  }
}
