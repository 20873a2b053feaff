package ai.ibl.suite.mentor.chat;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The generations this replica is streaming, by id: where a stop request is carried out. */
@ApplicationScoped
class Generations {
  /** A generation that can be stopped: forwards the stop to the upstream and says how it went. */
  interface Running {
    Uni<StopRequest.Outcome> stop(StopRequest request);
  }

  private final Map<String, Running> running = new ConcurrentHashMap<>();

  void add(String generationId, Running generation) {
    running.put(generationId, generation);
  }

  void remove(String generationId, Running generation) {
    running.remove(generationId, generation);
  }

  /** Stops the generation if this replica holds it; null when it does not. */
  Uni<StopRequest.Outcome> stopIfHere(StopRequest request) {
    Running generation = running.get(request.generationId());
    return generation == null ? null : generation.stop(request);
  }

  int size() {
    return running.size();
  }
}
