package ai.ibl.emulator.core;

import java.util.Map;

/** A request an upstream received, as tests inspect it ("was anything sent upstream?"). */
public record RecordedRequest(Upstream upstream, String method, String path, String query,
    Map<String, String> headers, String body) {

  public String header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }
}
