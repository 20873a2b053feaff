package ai.ibl.emulator.manager;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** A catalog (roles, skills) that users' desired and reported lists refer to. */
interface NamedCatalog {
  /**
   * The entry a list item names: an id, or an object with {@code id}, or with {@code name} (and
   * {@code platform_key}), created on first mention as the Manager's get-or-create does. Empty when
   * an id names nothing or the item is neither.
   */
  Optional<Long> resolve(Object item, String defaultPlatform);

  /** The entry as the Manager renders it inside a list, or empty once deleted. */
  Optional<JsonObject> render(long id);
}
