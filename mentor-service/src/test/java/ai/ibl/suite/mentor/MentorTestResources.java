package ai.ibl.suite.mentor;

import ai.ibl.suite.testing.EmulatorResource;
import ai.ibl.suite.testing.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every mentor-service test runs against the emulator and a real PostgreSQL, started once for the module. */
@WithTestResource(value = EmulatorResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL,
    initArgs = @ResourceArg(name = "database", value = "mentor_test"))
public final class MentorTestResources {
  private MentorTestResources() {}
}
