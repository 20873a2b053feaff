package ai.ibl.suite.catalog.profile;

import ai.ibl.suite.catalog.upstream.ManagerGateway.UserList;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DesiredSkillResourceTest extends UserListResourceTestBase {
  @Override
  String path() {
    return "/api/catalog/skills/desired/";
  }

  @Override
  String field() {
    return "skills";
  }

  @Override
  UserList kind() {
    return UserList.DESIRED_SKILLS;
  }
}
