package ai.ibl.suite.mentor;

import ai.ibl.suite.testing.EmulatorResource;
import ai.ibl.suite.testing.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every mentor test runs against the emulator and a real PostgreSQL, started once for the module. */
@WithTestResource(value = EmulatorResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL,
    initArgs = @ResourceArg(name = "database", value = "mentor_test"))
@WithTestResource(value = ai.ibl.suite.mentor.chat.ChatRedisResource.class, scope = TestResourceScope.GLOBAL)
public final class MentorTestResources {
  private MentorTestResources() {}
}
