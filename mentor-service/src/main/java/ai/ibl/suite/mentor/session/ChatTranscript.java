package ai.ibl.suite.mentor.session;

import java.time.Instant;

/**
 * One prompt and its answer as the relay saw it end.
 *
 * @param username the signed-in user's name; null for anonymous chats
 * @param outcome how the answer ended: completed, stopped, failed, payment_required, abandoned
 */
public record ChatTranscript(String sessionId, String tenant, String username, String mentor,
    String generationId, String prompt, String answer, String outcome, Instant startedAt, Instant endedAt) {}
