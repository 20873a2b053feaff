package ai.ibl.emulator.core;

import java.util.EnumMap;
import java.util.Map;

/** The faults currently played, per upstream. Thread-safe; tests set and clear them. */
public final class Faults {
  private final Map<Upstream, Fault> active = new EnumMap<>(Upstream.class);

  public synchronized Faults set(Upstream upstream, Fault fault) {
    active.put(upstream, fault);
    return this;
  }

  public synchronized Faults clear(Upstream upstream) {
    active.remove(upstream);
    return this;
  }

  public synchronized Faults clear() {
    active.clear();
    return this;
  }

  /** The fault to play on the next request to {@code upstream}, consuming one of its times. */
  synchronized Fault next(Upstream upstream) {
    Fault fault = active.get(upstream);
    if (fault == null) {
      return null;
    }
    if (fault.times() > 0) {
      if (fault.times() == 1) {
        active.remove(upstream);
      } else {
        active.put(upstream, new Fault(fault.kind(), fault.status(), fault.delayMillis(), fault.times() - 1));
      }
    }
    return fault;
  }
}
