package ai.ibl.suite.common.tenant;

/** Role names as the platform's tokens carry them in the {@code roles} claim. */
public final class Roles {
  /** Acts across every tenant. */
  public static final String PLATFORM_ADMIN = "platform-admin";
  /** Administers the tenants listed in the token's {@code tenants} claim. */
  public static final String TENANT_ADMIN = "tenant-admin";
  public static final String LEARNER = "learner";

  private Roles() {}
}
