package ai.ibl.suite.mentor.chat;

import io.smallrye.mutiny.Uni;

/** {@link StopBus} for a replica running alone: only its own generations exist. */
final class LocalStopBus implements StopBus {
  private final Generations generations;

  LocalStopBus(Generations generations) {
    this.generations = generations;
  }

  @Override
  public Uni<StopRequest.Outcome> stop(StopRequest request) {
    Uni<StopRequest.Outcome> here = generations.stopIfHere(request);
    return here != null ? here : Uni.createFrom().item(StopRequest.Outcome.UNKNOWN);
  }
}
