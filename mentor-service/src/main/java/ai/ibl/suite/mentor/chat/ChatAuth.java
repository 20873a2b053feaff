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

  private final TenantIdentityProvider identities;
  private final MentorPolicy policy;

  ChatAuth(TenantIdentityProvider identities, MentorPolicy policy) {
    this.identities = identities;
    this.policy = policy;
  }

  /**
   * @param anonymousKey whose answers an anonymous user's limit counts (the chat session)
   */
  Uni<ChatUser> authenticate(String token, boolean linkToken, String tenant, String mentor, String anonymousKey) {
    if (token == null || token.isBlank() || linkToken) {
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
    return identities.authenticate(new AccessTokenCredential(token))
        .onFailure().transform(e -> new ChatRejection("Your session has expired or its token is invalid. Please sign in again."))
        .map(identity -> {
          if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new ChatRejection("Your session has expired or its token is invalid. Please sign in again.");
          }
          Caller caller = CurrentCaller.fromToken(jwt, identity.getRoles());
          if (tenant != null && !caller.isMemberOf(tenant)) {
            throw new ChatRejection("You do not belong to tenant '" + tenant + "'.");
          }
          String who = caller.userId() != null ? caller.userId() : caller.username();
          return new ChatUser(caller, tenant, "user:" + who);
        });
  }
}
