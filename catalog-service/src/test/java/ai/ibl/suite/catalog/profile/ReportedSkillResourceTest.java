package ai.ibl.suite.catalog.profile;

import ai.ibl.suite.catalog.upstream.ManagerGateway.UserList;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReportedSkillResourceTest extends UserListResourceTestBase {
  @Override
  String path() {
    return "/api/catalog/skills/reported/";
  }

  @Override
  String field() {
    return "skills";
  }

  @Override
  UserList kind() {
    return UserList.REPORTED_SKILLS;
  }
}
