package ai.ibl.suite.credential;

import ai.ibl.suite.testing.EmulatorResource;
import ai.ibl.suite.testing.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every credential test runs against the emulator and a real PostgreSQL, started once for the module. */
@WithTestResource(value = EmulatorResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL,
    initArgs = @ResourceArg(name = "database", value = "credential_test"))
public final class CredentialTestResources {
  private CredentialTestResources() {}
}
