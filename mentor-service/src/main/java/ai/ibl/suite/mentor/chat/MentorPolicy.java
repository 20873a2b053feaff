package ai.ibl.suite.mentor.chat;

import ai.ibl.suite.mentor.mentor.MentorAccess;
import ai.ibl.suite.mentor.mentor.MentorDirectory;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether a mentor may be chatted with without signing in, as the mentor directory (the read model
 * of the Manager's mentors) says. A mentor the tenant does not have allows nothing. Blocking: the
 * relay calls it off the event loop.
 */
@ApplicationScoped
public class MentorPolicy {
  private final MentorDirectory directory;

  MentorPolicy(MentorDirectory directory) {
    this.directory = directory;
  }

  public boolean allowsAnonymous(String tenant, String mentor) {
    return directory.access(tenant, mentor).map(MentorAccess::allowsAnonymous).orElse(false);
  }
}
