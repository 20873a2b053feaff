package ai.ibl.suite.mentor.chat;

import ai.ibl.suite.common.tenant.Caller;
import ai.ibl.suite.common.tenant.CurrentCaller;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Checks who a prompt or stop frame comes from, as the REST API does: the frame's {@code token}
 * is validated by Quarkus OIDC against the platform's issuer, and the caller must belong to the
 * flow's tenant. Without a token only mentors that allow anonymous chat answer. Share-link tokens
 * ({@code token_type: "link"}) are the platform's own and cannot be verified here: they count as
 * anonymous and are passed on for the upstream to check.
 */
@ApplicationScoped
class ChatAuth {
  private static final Logger LOG = Logger.getLogger(ChatAuth.class);
  private static final String INVALID = "Your session has expired or its token is invalid. Please sign in again.";

  private final TenantIdentityProvider identities;
  private final MentorPolicy policy;

  ChatAuth(TenantIdentityProvider identities, MentorPolicy policy) {
    this.identities = identities;
    this.policy = policy;
  }

  /**
   * A token validated once, kept by a chat socket so that its next prompts with the same token
   * skip the signature check until the token expires; the tenant is still checked per prompt.
   */
  record Verified(String token, Caller caller, long expiresAtMillis) {
    boolean stillValidFor(String presented, long nowMillis) {
      return nowMillis < expiresAtMillis && token.equals(presented);
    }
  }

  /**
   * @param anonymousKey whose answers an anonymous user's limit counts (the chat session)
   */
  Uni<ChatUser> authenticate(String token, boolean linkToken, String tenant, String mentor, String anonymousKey) {
    if (token == null || token.isBlank() || linkToken) {
      return anonymous(tenant, mentor, anonymousKey);
    }
    return verify(token).map(verified -> user(verified.caller(), tenant));
  }

  Uni<ChatUser> anonymous(String tenant, String mentor, String anonymousKey) {
    return Uni.createFrom().item(() -> policy.allowsAnonymous(tenant, mentor))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .onFailure().transform(e -> {
          LOG.debugf("Mentor policy unavailable: %s", e.toString());
          return new ChatRejection("The mentor is unavailable right now. Please try again shortly.");
        })
        .map(allows -> {
          if (!allows) {
            throw new ChatRejection("This mentor requires you to sign in.");
          }
          return new ChatUser(null, tenant, "anonymous:" + tenant + ":" + anonymousKey);
        });
  }

  /** Validates a bearer token (signature, issuer, expiry) and says whom it names and until when. */
  Uni<Verified> verify(String token) {
    return identities.authenticate(new AccessTokenCredential(token))
        .onFailure().transform(e -> new ChatRejection(INVALID))
        .map(identity -> {
          if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new ChatRejection(INVALID);
          }
          // No exp claim: nothing says how long it may be trusted, so it is never reused unchecked.
          long expiresAt = jwt.getExpirationTime() > 0 ? jwt.getExpirationTime() * 1000 : 0;
          return new Verified(token, CurrentCaller.fromToken(jwt, identity.getRoles()), expiresAt);
        });
  }

  /** The user a verified caller chats as in {@code tenant}; a {@link ChatRejection} when not a member. */
  ChatUser user(Caller caller, String tenant) {
    if (tenant != null && !caller.isMemberOf(tenant)) {
      throw new ChatRejection("You do not belong to tenant '" + tenant + "'.");
    }
    String who = caller.userId() != null ? caller.userId() : caller.username();
    return new ChatUser(caller, tenant, "user:" + who);
  }
}
