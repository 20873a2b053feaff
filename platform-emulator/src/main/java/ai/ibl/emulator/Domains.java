package ai.ibl.emulator;

import ai.ibl.emulator.core.EmulatedDomain;
import java.util.List;

/** Every emulated API slice. Add a domain here when a service starts calling new upstream paths. */
final class Domains {
  private Domains() {}

  static List<EmulatedDomain> all() {
    var roles = new ai.ibl.emulator.manager.RolesDomain();
    var skills = new ai.ibl.emulator.manager.SkillsDomain();
    return List.of(
        new ai.ibl.emulator.manager.MentorsDomain(),
        new ai.ibl.emulator.manager.CredentialsDomain(),
        roles,
        skills,
        new ai.ibl.emulator.manager.UserListDomain("/api/catalog/roles/desired/", "roles", roles),
        new ai.ibl.emulator.manager.UserListDomain("/api/catalog/roles/reported/", "roles", roles),
        new ai.ibl.emulator.manager.UserListDomain("/api/catalog/skills/desired/", "skills", skills),
        new ai.ibl.emulator.manager.UserListDomain("/api/catalog/skills/reported/", "skills", skills),
        new ai.ibl.emulator.manager.ProgramsDomain(),
        new ai.ibl.emulator.manager.PathwaysDomain(),
        new ai.ibl.emulator.manager.ResourcesDomain(),
        new ai.ibl.emulator.manager.CourseMetadataDomain(),
        new ai.ibl.emulator.cms.CourseAuthoringDomain(),
        new ai.ibl.emulator.asgi.ChatDomain());
  }
}
