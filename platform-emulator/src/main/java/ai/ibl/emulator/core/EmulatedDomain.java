package ai.ibl.emulator.core;

import io.vertx.ext.web.Router;

/**
 * One slice of an upstream's API (the Manager's catalog, the CMS's course authoring, ...), with
 * its own state. Each is mounted on its upstream's router; {@link #reset()} forgets its state.
 */
public interface EmulatedDomain {
  Upstream upstream();

  /** Adds routes to {@code router}, whose paths are relative to the upstream's base URL. */
  void mount(Router router, EmulatorContext context);

  void reset();
}
