package ai.ibl.suite.mentor.chat;

import io.smallrye.mutiny.Uni;

/**
 * Carries a stop request to the replica streaming the generation: in memory when alone
 * ({@link LocalStopBus}), over Redis pub/sub across replicas ({@link RedisStopBus}).
 */
interface StopBus {
  Uni<StopRequest.Outcome> stop(StopRequest request);

  /** Starts listening for other replicas' requests (called at startup). */
  default void listen() {}
}
