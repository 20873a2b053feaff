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

  /** True when {@link #acquire} answers at once (in memory): no time limit is needed around it. */
  default boolean answersAtOnce() {
    return false;
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
