package ai.ibl.suite.catalog.profile;

import ai.ibl.suite.catalog.upstream.ManagerGateway.UserList;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReportedRoleResourceTest extends UserListResourceTestBase {
  @Override
  String path() {
    return "/api/catalog/roles/reported/";
  }

  @Override
  String field() {
    return "roles";
  }

  @Override
  UserList kind() {
    return UserList.REPORTED_ROLES;
  }
}
