package ai.ibl.suite.catalog.readmodel;

import java.util.LinkedHashMap;
import java.util.Map;

/** Query parameters as the Manager takes them: only those given, as text, in a stable order. */
public final class Filters {
  private final Map<String, String> values = new LinkedHashMap<>();

  public Filters put(String name, Object value) {
    if (value != null && !(value instanceof String s && s.isBlank())) {
      values.put(name, String.valueOf(value));
    }
    return this;
  }

  public Map<String, String> asMap() {
    return Map.copyOf(values);
  }
}
