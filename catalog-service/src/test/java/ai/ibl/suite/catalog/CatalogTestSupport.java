package ai.ibl.suite.catalog;

import static ai.ibl.suite.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Fault;
import ai.ibl.emulator.core.Upstream;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every catalog test of a Manager-backed endpoint does the same way: callers with real
 * tokens from the emulator, the checks that a refused call reached nothing upstream, and the
 * standard auth and upstream-fault matrices.
 */
public final class CatalogTestSupport {
  private final PlatformEmulator emulator;

  public CatalogTestSupport(PlatformEmulator emulator) {
    this.emulator = emulator;
  }

  public PlatformEmulator emulator() {
    return emulator;
  }

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A JSON request as a default emulated user ({@code tenant-admin}, {@code learner}, {@code other-admin}, ...). */
  public RequestSpecification as(String user) {
    return given().auth().oauth2(emulator.tokens().tokenFor(user)).contentType(ContentType.JSON);
  }

  public RequestSpecification anonymous() {
    return given().contentType(ContentType.JSON);
  }

  /** The Manager directly, as another platform client would change it behind this service's back. */
  public RequestSpecification managerDirectly() {
    return given().baseUri(emulator.url(Upstream.MANAGER))
        .header("Authorization", "Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN)
        .contentType(ContentType.JSON);
  }

  /** A problem with {@code status}, and not one request reached the Manager. */
  public ValidatableResponse refused(Response response, int status) {
    ValidatableResponse checked = assertProblem(response.then(), status);
    assertThat(emulator.requests().to(Upstream.MANAGER)).isEmpty();
    return checked;
  }

  /** No token, an expired one, a badly signed one: 401 each, nothing sent upstream. */
  public void assertUnauthenticatedRefused(Function<RequestSpecification, Response> call) {
    refused(call.apply(anonymous()), 401).header("WWW-Authenticate", containsString("Bearer"));
    refused(call.apply(given().auth().oauth2(emulator.tokens().expiredTokenFor("tenant-admin")).contentType(ContentType.JSON)), 401);
    refused(call.apply(given().auth().oauth2(emulator.tokens().badlySignedTokenFor("ibl-admin")).contentType(ContentType.JSON)), 401);
  }

  /**
   * The Manager down (503), failing (502) and slow (504), each with {@code Retry-After} and no
   * upstream detail leaking through; breakers are reset between faults so each is seen on its own.
   */
  public void assertUpstreamFaultsMapped(Supplier<Response> call) {
    fault(Fault.down(), call, 503);
    fault(Fault.status(500), call, 502).body(not(containsString("<html>")));
    fault(Fault.latency(5_000), call, 504);
  }

  private ValidatableResponse fault(Fault fault, Supplier<Response> call, int status) {
    CircuitBreakerMaintenance.get().resetAll();
    emulator.fail(Upstream.MANAGER, fault);
    try {
      return assertProblem(call.get().then(), status).header("Retry-After", notNullValue());
    } finally {
      emulator.faults().clear();
      CircuitBreakerMaintenance.get().resetAll();
    }
  }

  /** With the Manager down, {@code read} answers the read model's copy, marked stale. */
  public ValidatableResponse assertServedStale(Supplier<Response> read) {
    emulator.fail(Upstream.MANAGER, Fault.down());
    try {
      return read.get().then().statusCode(200)
          .header("Cache-Status", containsString("stale"))
          .header("Age", notNullValue());
    } finally {
      emulator.faults().clear();
    }
  }

  /** With the Manager down and no copy to fall back on, {@code read} answers 503. */
  public void assertNoCopyIs503(Supplier<Response> read) {
    emulator.fail(Upstream.MANAGER, Fault.down());
    try {
      assertProblem(read.get().then(), 503).header("Retry-After", notNullValue());
    } finally {
      emulator.faults().clear();
    }
  }
}
