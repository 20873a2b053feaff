package ai.ibl.suite.catalog.access;

import ai.ibl.suite.common.error.ProblemException;
import ai.ibl.suite.common.tenant.Caller;

/**
 * The rule for what belongs to one user (their desired and reported lists, their pathways): the
 * user may act on their own, as the token names them ({@code user_id}, {@code preferred_username});
 * a tenant's administrators on anyone's in that tenant.
 */
public final class OwnerOrAdmin {
  private OwnerOrAdmin() {}

  /** Throws 403 unless the caller is the user named (every name given must be theirs) or an admin of {@code tenant}. */
  public static void require(Caller caller, String tenant, Long userId, String username) {
    caller.requireMember(tenant);
    if (isSelf(caller, userId, username) || caller.isAdminOf(tenant)) {
      return;
    }
    throw ProblemException.forbidden("Only the user themselves or an administrator of tenant '" + tenant + "' may do this.");
  }

  public static boolean isSelf(Caller caller, Long userId, String username) {
    if (userId == null && username == null) {
      return false;
    }
    boolean idMatches = userId == null || String.valueOf(userId).equals(caller.userId());
    boolean nameMatches = username == null || username.equals(caller.username());
    return idMatches && nameMatches;
  }
}
