package ai.ibl.suite.common.tenant;

import ai.ibl.suite.common.error.ProblemException;
import java.util.Set;

/**
 * Who is calling, as the bearer token says: identity, the tenants they belong to and their roles.
 * Every tenant-scoped operation asks it first, so a caller acts only within its own tenants and
 * platform admins across all of them.
 */
public record Caller(String userId, String username, String email, String primaryTenant,
    Set<String> tenants, Set<String> roles) {

  public Caller {
    tenants = Set.copyOf(tenants);
    roles = Set.copyOf(roles);
  }

  public boolean isPlatformAdmin() {
    return roles.contains(Roles.PLATFORM_ADMIN);
  }

  public boolean isMemberOf(String tenant) {
    return isPlatformAdmin() || tenants.contains(tenant);
  }

  public boolean isAdminOf(String tenant) {
    return isPlatformAdmin() || (roles.contains(Roles.TENANT_ADMIN) && tenants.contains(tenant));
  }

  /** Throws 403 unless the caller belongs to {@code tenant}. */
  public Caller requireMember(String tenant) {
    if (!isMemberOf(tenant)) {
      throw ProblemException.forbidden("You do not belong to tenant '" + tenant + "'.");
    }
    return this;
  }

  /** Throws 403 unless the caller administers {@code tenant}. */
  public Caller requireAdmin(String tenant) {
    if (!isMemberOf(tenant)) {
      throw ProblemException.forbidden("You do not belong to tenant '" + tenant + "'.");
    }
    if (!isAdminOf(tenant)) {
      throw ProblemException.forbidden("Only administrators of tenant '" + tenant + "' may do this.");
    }
    return this;
  }

  /** The tenant an operation concerns: the one asked for, else the caller's own. Checked. */
  public String tenantOrOwn(String requested) {
    String tenant = requested == null || requested.isBlank() ? primaryTenant : requested;
    if (tenant == null) {
      throw ProblemException.invalid("platform_key", "is required: your token names no tenant");
    }
    requireMember(tenant);
    return tenant;
  }
}
