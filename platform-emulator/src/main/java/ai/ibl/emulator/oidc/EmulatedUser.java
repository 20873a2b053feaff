package ai.ibl.emulator.oidc;

import java.util.List;

/** A user the emulated LMS knows, with the tenant and role claims its tokens carry. */
public record EmulatedUser(long id, String username, String password, String email, String tenant,
    List<String> tenants, List<String> roles) {

  public static final String DEFAULT_TENANT = "main";
  public static final String OTHER_TENANT = "other";

  /** The default users: a platform admin, a tenant admin and a learner of the default tenant,
   * and an admin of a second tenant for isolation tests. Passwords equal usernames: local use only. */
  public static List<EmulatedUser> defaults() {
    return List.of(
        new EmulatedUser(1, "ibl-admin", "ibl-admin", "ibl-admin@example.com", DEFAULT_TENANT,
            List.of(DEFAULT_TENANT), List.of("platform-admin")),
        new EmulatedUser(2, "tenant-admin", "tenant-admin", "tenant-admin@example.com", DEFAULT_TENANT,
            List.of(DEFAULT_TENANT), List.of("tenant-admin")),
        new EmulatedUser(3, "learner", "learner", "learner@example.com", DEFAULT_TENANT,
            List.of(DEFAULT_TENANT), List.of("learner")),
        new EmulatedUser(4, "other-admin", "other-admin", "other-admin@example.com", OTHER_TENANT,
            List.of(OTHER_TENANT), List.of("tenant-admin")),
        new EmulatedUser(5, "other-learner", "other-learner", "other-learner@example.com", OTHER_TENANT,
            List.of(OTHER_TENANT), List.of("learner")));
  }
}
