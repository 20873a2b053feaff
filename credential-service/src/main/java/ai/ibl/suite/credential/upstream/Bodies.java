package ai.ibl.suite.credential.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Manager's credentials API admits only the fields its schemas name, so what callers send
 * beyond them (descriptions, images, templates, expiry...) is kept by this service as "details".
 * An answer is the caller's details overlaid by what the Manager says: the Manager wins where both speak.
 */
public final class Bodies {
  private Bodies() {}

  public static ObjectNode answer(JsonNode details, JsonNode upstream) {
    ObjectNode answer = details != null && details.isObject()
        ? ((ObjectNode) details).deepCopy()
        : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    if (upstream != null && upstream.isObject()) {
      answer.setAll((ObjectNode) upstream);
    }
    return answer;
  }

  /** {@code changes}' non-null fields over {@code base}. */
  public static ObjectNode overlay(JsonNode base, JsonNode changes) {
    ObjectNode merged = base != null && base.isObject()
        ? ((ObjectNode) base).deepCopy()
        : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    if (changes != null) {
      changes.properties().forEach(e -> {
        if (!e.getValue().isNull()) {
          merged.set(e.getKey(), e.getValue());
        }
      });
    }
    return merged;
  }

  public static String textOrNull(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
