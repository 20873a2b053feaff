package ai.ibl.suite.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details, the body of every error answer in the suite.
 *
 * <p>{@code type} is a stable URI reference (see {@link ProblemType}) that clients may switch on;
 * {@code detail} is for humans and never carries a stack trace, a class name or a secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, String instance, List<FieldViolation> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
  }

  public static Problem of(ProblemType type, String detail) {
    return new Problem(type.uri(), type.title(), type.status(), detail, null, null);
  }

  public Problem withInstance(String instance) {
    return new Problem(type, title, status, detail, instance, errors);
  }

  /** One invalid input: where it is ({@code field}, a JSON path such as {@code data.name}) and why. */
  public record FieldViolation(String field, String message) {}
}
