package ai.ibl.suite.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ibl.emulator.PlatformEmulator;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import java.lang.reflect.Field;

/**
 * What {@link UpstreamSlate} promises. Quarkus calls these inside the application's class loader,
 * which is what lets them reach the running service's circuit breakers.
 */
public class UpstreamSlateCallbacks implements QuarkusTestBeforeEachCallback, QuarkusTestAfterEachCallback {

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    PlatformEmulator emulator = emulatorOf(context.getTestInstance());
    if (emulator != null) {
      emulator.reset();
      CircuitBreakerMaintenance.get().resetAll();
    }
  }

  @Override
  public void afterEach(QuarkusTestMethodContext context) {
    PlatformEmulator emulator = emulatorOf(context.getTestInstance());
    if (emulator != null) {
      assertThat(emulator.contract().violations()).as("violations of the Manager's contract").isEmpty();
    }
  }

  /** The injected emulator of a test marked {@link UpstreamSlate}; null for any other test. */
  private static PlatformEmulator emulatorOf(Object test) {
    if (test == null || !test.getClass().isAnnotationPresent(UpstreamSlate.class)) {
      return null;
    }
    for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.isAnnotationPresent(InjectEmulator.class)) {
          try {
            field.setAccessible(true);
            return (PlatformEmulator) field.get(test);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read the emulator of " + type.getName(), e);
          }
        }
      }
    }
    throw new IllegalStateException(test.getClass().getName() + " is marked @UpstreamSlate but has no @InjectEmulator field");
  }
}
