package ai.ibl.suite.testing;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Upstream;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the platform emulator in the test JVM on a random port and points the service at it:
 * upstream URLs, its Manager API key, its OAuth2 client, and the OIDC issuer that signs the test
 * tokens. Tests get the running emulator with {@code @InjectEmulator}.
 */
public class EmulatorResource implements QuarkusTestResourceLifecycleManager {
  private PlatformEmulator emulator;

  @Override
  public Map<String, String> start() {
    emulator = PlatformEmulator.start(0);
    return Map.ofEntries(
        Map.entry("suite.upstream.manager-api-token", PlatformEmulator.DEFAULT_MANAGER_TOKEN),
        Map.entry("quarkus.rest-client.manager.url", emulator.url(Upstream.MANAGER)),
        Map.entry("quarkus.rest-client.cms.url", emulator.url(Upstream.CMS)),
        Map.entry("quarkus.rest-client.lms.url", emulator.url(Upstream.LMS)),
        Map.entry("suite.upstream.asgi-url", emulator.url(Upstream.ASGI)),
        Map.entry("quarkus.oidc.auth-server-url", emulator.oidcIssuer()),
        Map.entry("quarkus.oidc-client.auth-server-url", emulator.oidcIssuer()),
        Map.entry("quarkus.oidc-client.client-id", PlatformEmulator.DEFAULT_CLIENT_ID),
        Map.entry("quarkus.oidc-client.credentials.secret", PlatformEmulator.DEFAULT_CLIENT_SECRET));
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(emulator,
        new TestInjector.AnnotatedAndMatchesType(InjectEmulator.class, PlatformEmulator.class));
  }

  @Override
  public void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }
}
