package ai.ibl.suite.mentor.chat;

/**
 * Whether a mentor may be chatted with without signing in. Blocking: the relay calls it off the
 * event loop. The mentor directory will implement it once it exists; until then
 * {@link ManagerMentorPolicy} asks the Manager.
 */
public interface MentorPolicy {
  boolean allowsAnonymous(String tenant, String mentor);
}
