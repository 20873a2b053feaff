package ai.ibl.suite.common.freshness;

/** How a read was served, as told to callers in the {@code Cache-Status} header (RFC 9211). */
public enum CacheOutcome {
  /** From the read model, within its TTL. */
  HIT("hit"),
  /** The read model was stale or empty; the upstream was asked and the copy refreshed. */
  REVALIDATED("fwd=stale; stored"),
  MISS("fwd=miss; stored"),
  /** The upstream could not be asked; the last known copy, older than its TTL. */
  STALE("hit; detail=stale-upstream-unavailable");

  private final String directive;

  CacheOutcome(String directive) {
    this.directive = directive;
  }

  public String directive() {
    return directive;
  }
}
