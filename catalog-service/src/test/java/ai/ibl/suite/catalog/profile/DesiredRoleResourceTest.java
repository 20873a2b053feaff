package ai.ibl.suite.catalog.profile;

import ai.ibl.suite.catalog.upstream.ManagerGateway.UserList;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DesiredRoleResourceTest extends UserListResourceTestBase {
  @Override
  String path() {
    return "/api/catalog/roles/desired/";
  }

  @Override
  String field() {
    return "roles";
  }

  @Override
  UserList kind() {
    return UserList.DESIRED_ROLES;
  }
}
