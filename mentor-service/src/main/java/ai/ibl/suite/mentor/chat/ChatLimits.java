package ai.ibl.suite.mentor.chat;

import io.smallrye.mutiny.Uni;

/**
 * The chat's limits: answers running per user, prompts per minute per tenant. Shared by all
 * replicas through Redis ({@link RedisChatLimits}), or kept in memory when a replica runs alone
 * ({@link LocalChatLimits}).
 */
interface ChatLimits {
  /** A slot for one answer; fails with a {@link ChatRejection} when a limit is reached. */
  Uni<Lease> acquire(ChatUser user);

  /** True when the limits are in memory: {@link #acquireNow} may be used instead of {@link #acquire}. */
  default boolean answersAtOnce() {
    return false;
  }

  /**
   * The slot at once, on the caller's thread, for limits kept in memory; throws a
   * {@link ChatRejection} when a limit is reached. Only when {@link #answersAtOnce()}.
   */
  default Lease acquireNow(ChatUser user) {
    throw new UnsupportedOperationException("These limits answer asynchronously: use acquire");
  }

  /** Gives the slot back; idempotent. */
  interface Lease {
    void release();
  }

  static ChatRejection tooManyAnswers(int max) {
    return new ChatRejection("You already have " + max
        + " answers running. Wait for one to finish, then ask again.", 429);
  }

  static ChatRejection tooManyPrompts() {
    return new ChatRejection("Your organization is sending prompts too quickly. Please try again in a minute.", 429);
  }
}
