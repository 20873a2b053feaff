package ai.ibl.emulator.manager;

import io.vertx.core.json.JsonObject;

/** Django's {@code QuerySet.delete()} answer, as the Manager returns it: {@code {count, type}}. */
final class DeleteCounts {
  private DeleteCounts() {}

  static JsonObject of(String model, int count) {
    JsonObject types = new JsonObject();
    if (count > 0) {
      types.put(model, count);
    }
    return new JsonObject().put("count", count).put("type", types);
  }
}
