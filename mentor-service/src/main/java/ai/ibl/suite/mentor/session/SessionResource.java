package ai.ibl.suite.mentor.session;

import ai.ibl.suite.common.error.ProblemException;
import ai.ibl.suite.common.tenant.Caller;
import ai.ibl.suite.common.tenant.CurrentCaller;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Objects;

/**
 * A chat session's transcript, read from what the relay stored. Only its owner and the tenant's
 * administrators read it; anonymous sessions have no owner, so only administrators do.
 */
@Path("/api/ai-mentor/orgs/{org}/sessions/{session_id}/")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SessionResource {
  private final CurrentCaller currentCaller;

  SessionResource(CurrentCaller currentCaller) {
    this.currentCaller = currentCaller;
  }

  @GET
  public SessionTranscriptView get(@PathParam("org") String org, @PathParam("session_id") String sessionId) {
    Caller caller = currentCaller.get().requireMember(org);
    List<TranscriptRow> rows = TranscriptRow.ofSession(org, sessionId);
    if (rows.isEmpty()) {
      throw ProblemException.notFound("No chat session '" + sessionId + "' in tenant '" + org + "'.");
    }
    boolean owner = rows.stream().allMatch(r -> r.username != null && Objects.equals(r.username, caller.username()));
    if (!owner && !caller.isAdminOf(org)) {
      throw ProblemException.forbidden("Only the session's owner and the tenant's administrators may read it.");
    }
    return new SessionTranscriptView(sessionId, org, rows.stream()
        .map(r -> new SessionTranscriptView.Message(r.generationId, r.mentor, r.username, r.prompt, r.answer,
            r.outcome, r.startedAt, r.endedAt))
        .toList());
  }
}
