package ai.ibl.suite.mentor.chat;

import ai.ibl.suite.mentor.mentor.MentorAccess;
import ai.ibl.suite.mentor.mentor.MentorDirectory;
import ai.ibl.suite.mentor.mentor.ShareLinks;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether a mentor may be chatted with without signing in, as the mentor directory (the read model
 * of the Manager's mentors) says: anonymously when the mentor allows it, or with its share link. A
 * mentor the tenant does not have allows nothing. Blocking: the relay calls it off the event loop.
 */
@ApplicationScoped
public class MentorPolicy {
  private final MentorDirectory directory;
  private final ShareLinks links;

  MentorPolicy(MentorDirectory directory, ShareLinks links) {
    this.directory = directory;
    this.links = links;
  }

  public boolean allowsAnonymous(String tenant, String mentor) {
    return directory.access(tenant, mentor).map(MentorAccess::allowsAnonymous).orElse(false);
  }

  /** A share-link holder may chat when the mentor allows anonymous chat or the token is its enabled link. */
  public boolean admitsShareLink(String tenant, String mentor, String linkToken) {
    return directory.access(tenant, mentor)
        .map(access -> access.allowsAnonymous() || links.admits(tenant, access.slug(), linkToken))
        .orElse(false);
  }
}
