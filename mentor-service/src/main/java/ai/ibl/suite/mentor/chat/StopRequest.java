package ai.ibl.suite.mentor.chat;

import java.util.List;

/**
 * A request to stop a generation, as it travels between replicas.
 *
 * @param id this request's own id, to match the holder's reply
 * @param generationId the generation to stop
 * @param frame the client's stop frame, passed to the upstream untouched
 * @param username who asks; null when anonymous
 * @param platformAdmin whether they act across all tenants
 * @param adminOf the tenants they administer
 */
record StopRequest(String id, String generationId, String frame, String username, boolean platformAdmin,
    List<String> adminOf) {

  boolean mayStop(String owner, String ownerTenant) {
    if (platformAdmin || (ownerTenant != null && adminOf.contains(ownerTenant))) {
      return true;
    }
    return owner == null || owner.equals(username);
  }

  enum Outcome { STOPPED, FORBIDDEN, UNKNOWN }
}
