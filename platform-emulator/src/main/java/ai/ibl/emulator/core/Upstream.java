package ai.ibl.emulator.core;

/**
 * The four upstreams the emulator stands in for. Each lives under its own path prefix on the
 * emulator's port, as if it were its own host: {@code http://localhost:8090/manager} is the
 * Manager's base URL, {@code /cms} the CMS, {@code /lms} the LMS (and the OpenID provider),
 * {@code /asgi} the chat server.
 */
public enum Upstream {
  MANAGER("/manager"),
  CMS("/cms"),
  LMS("/lms"),
  ASGI("/asgi");

  private final String prefix;

  Upstream(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }

  public static Upstream ofPath(String path) {
    for (Upstream u : values()) {
      if (path.equals(u.prefix) || path.startsWith(u.prefix + "/")) {
        return u;
      }
    }
    return null;
  }
}
