package ai.ibl.suite.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @QuarkusTest} class with an {@link InjectEmulator} field: before each test the
 * emulator is reset (state, faults, recorded requests) and every circuit breaker of the service is
 * closed, so no test sees another's upstream; after each test, the emulator must have recorded no
 * violation of the Manager's contract. Carried out by {@link UpstreamSlateCallbacks}, before the
 * class's own {@code @BeforeEach} methods.
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UpstreamSlate {}
