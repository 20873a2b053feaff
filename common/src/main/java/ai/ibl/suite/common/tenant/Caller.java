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

  /**
   * Whether the user named is the caller: every reference given (a numeric user id, a username,
   * an email) must be the caller's own. Nothing given is nobody.
   */
  public boolean isSelf(Long id, String name) {
    if (id == null && (name == null || name.isBlank())) {
      return false;
    }
    boolean idMatches = id == null || String.valueOf(id).equals(userId);
    boolean nameMatches = name == null || name.isBlank() || isSelf(name);
    return idMatches && nameMatches;
  }

  /** Whether one reference (user id, username or email, as URLs carry them) is the caller. */
  public boolean isSelf(String reference) {
    return reference != null
        && (reference.equals(userId) || reference.equals(username) || reference.equalsIgnoreCase(email == null ? "" : email));
  }

  /**
   * The rule for what belongs to one user (their lists, pathways, assertions, sessions): they act
   * on their own; administrators of {@code tenant} on anyone's in it. Throws 403 otherwise.
   */
  public Caller requireSelfOrAdmin(String tenant, Long id, String name) {
    requireMember(tenant);
    if (!isSelf(id, name) && !isAdminOf(tenant)) {
      throw ProblemException.forbidden(
          "Only the user themselves or an administrator of tenant '" + tenant + "' may do this.");
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
