package ai.ibl.emulator.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request the emulated upstreams received since the last {@link #clear()}. */
public final class RequestLog {
  private static final int LIMIT = 10_000;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  void add(RecordedRequest request) {
    if (requests.size() < LIMIT) {
      requests.add(request);
    }
  }

  public List<RecordedRequest> all() {
    return List.copyOf(requests);
  }

  public List<RecordedRequest> to(Upstream upstream) {
    return requests.stream().filter(r -> r.upstream() == upstream).toList();
  }

  /** Requests that would change state upstream (anything but GET/HEAD/OPTIONS). */
  public List<RecordedRequest> writesTo(Upstream upstream) {
    return to(upstream).stream()
        .filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD") && !r.method().equals("OPTIONS"))
        .toList();
  }

  public void clear() {
    requests.clear();
  }
}
