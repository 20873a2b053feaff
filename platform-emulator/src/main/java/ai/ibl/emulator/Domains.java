package ai.ibl.emulator;

import ai.ibl.emulator.core.EmulatedDomain;
import java.util.List;

/** Every emulated API slice. Add a domain here when a service starts calling new upstream paths. */
final class Domains {
  private Domains() {}

  static List<EmulatedDomain> all() {
    return List.of(
        new ai.ibl.emulator.manager.RolesDomain(),
        new ai.ibl.emulator.cms.CourseAuthoringDomain(),
        new ai.ibl.emulator.asgi.ChatDomain(),
        new ai.ibl.emulator.asgi.MentorSettingsStub());
  }
}
