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
 * flow's tenant. Without a token only mentors that allow anonymous chat answer. A share-link token
 * ({@code token_type: "link"}) must be the mentor's enabled share link on the Manager; its holder
 * chats without an account, as an anonymous user does.
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
    if (token == null || token.isBlank()) {
      return anonymous(tenant, mentor, anonymousKey);
    }
    if (linkToken) {
      return shareLink(tenant, mentor, token, anonymousKey);
    }
    return verify(token).map(verified -> user(verified.caller(), tenant));
  }

  Uni<ChatUser> anonymous(String tenant, String mentor, String anonymousKey) {
    return admitted(() -> policy.allowsAnonymous(tenant, mentor), "This mentor requires you to sign in.",
        "anonymous:" + tenant + ":" + anonymousKey, tenant);
  }

  Uni<ChatUser> shareLink(String tenant, String mentor, String linkToken, String anonymousKey) {
    return admitted(() -> policy.admitsShareLink(tenant, mentor, linkToken),
        "This share link is not valid for this mentor. Ask for a new link, or sign in.",
        "link:" + tenant + ":" + anonymousKey, tenant);
  }

  /** Asks the mentor policy (blocking, on a worker) whether someone without an account may chat. */
  private static Uni<ChatUser> admitted(java.util.function.Supplier<Boolean> policyCheck, String refusal,
      String limitKey, String tenant) {
    return Uni.createFrom().item(policyCheck)
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .onFailure().transform(e -> {
          LOG.debugf("Mentor policy unavailable: %s", e.toString());
          return new ChatRejection("The mentor is unavailable right now. Please try again shortly.");
        })
        .map(allows -> {
          if (!allows) {
            throw new ChatRejection(refusal);
          }
          return new ChatUser(null, tenant, limitKey);
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
