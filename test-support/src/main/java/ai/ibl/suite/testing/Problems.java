package ai.ibl.suite.testing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.ValidatableResponse;

/** What every error answer must look like, checked the same way in every service's tests. */
public final class Problems {
  private Problems() {}

  /** An RFC 9457 problem with {@code status}, a stable type, no stack trace and no class names. */
  public static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
    return response.statusCode(status)
        .contentType(containsString("application/problem+json"))
        .body("status", equalTo(status))
        .body("type", notNullValue())
        .body("title", notNullValue())
        .body(not(containsString("Exception")))
        .body(not(containsString("\tat ")));
  }
}
