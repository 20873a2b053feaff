package ai.ibl.suite.mentor.mentor;

/**
 * Who may chat with a mentor, as the chat relay needs to know before opening an upstream socket.
 *
 * @param tenant the tenant (platform key) the mentor belongs to
 * @param slug the Manager's slug: the name to give the chat server's {@code flow.name}
 * @param id the Manager's numeric id, as text
 * @param allowsAnonymous whether callers without a token may chat (the Manager's {@code allow_anonymous})
 */
public record MentorAccess(String tenant, String slug, String id, boolean allowsAnonymous) {}
