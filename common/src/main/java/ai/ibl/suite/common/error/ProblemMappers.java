package ai.ibl.suite.common.error;

import ai.ibl.suite.common.SuiteConfig;
import ai.ibl.suite.common.upstream.UpstreamException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become answers, for every service. Each answer is an RFC 9457
 * problem; none echoes an exception message that could carry a class name, a stack trace or a
 * secret: details are written here, or come from our own {@link ProblemException}s.
 */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  private final SuiteConfig config;

  public ProblemMappers(SuiteConfig config) {
    this.config = config;
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return answer(e.problem(), uri, e.retryAfter());
  }

  @ServerExceptionMapper(priority = 1)
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    boolean returnValue =
        e.getConstraintViolations().stream()
            .anyMatch(v -> kinds(v.getPropertyPath()).contains(ElementKind.RETURN_VALUE));
    if (returnValue) {
      return internal(e, uri);
    }
    List<Problem.FieldViolation> fields =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldViolation(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldViolation::field))
            .toList();
    return answer(validation(fields), uri, null);
  }

  /** Declared for the exact type Quarkus maps itself (with an empty body), so this one wins. */
  @ServerExceptionMapper(priority = 1)
  public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
    return malformedJson(e, uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response malformedJson(JsonProcessingException e, UriInfo uri) {
    if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = jsonPath(mismatch.getPath());
      String expected =
          mismatch.getTargetType() == null ? "a value of another type" : describe(mismatch.getTargetType());
      return answer(validation(List.of(new Problem.FieldViolation(field, "must be " + expected))), uri, null);
    }
    return answer(
        Problem.of(ProblemType.MALFORMED_BODY, "The body could not be read as JSON of the expected shape."),
        uri, null);
  }

  @ServerExceptionMapper
  public Response upstream(UpstreamException e, UriInfo uri) {
    return answer(e.toProblem(), uri, e.isClientError() ? null : config.upstream().retryAfter());
  }

  @ServerExceptionMapper
  public Response circuitOpen(CircuitBreakerOpenException e, UriInfo uri) {
    return answer(
        Problem.of(ProblemType.UPSTREAM_UNAVAILABLE,
            "The platform has been failing; calls are paused for a moment. Retry later."),
        uri, config.upstream().retryAfter());
  }

  @ServerExceptionMapper
  public Response bulkhead(BulkheadException e, UriInfo uri) {
    return answer(
        Problem.of(ProblemType.UPSTREAM_UNAVAILABLE,
            "Too many calls to the platform are in flight. Retry later."),
        uri, config.upstream().retryAfter());
  }

  @ServerExceptionMapper
  public Response timeout(TimeoutException e, UriInfo uri) {
    return answer(
        Problem.of(ProblemType.UPSTREAM_TIMEOUT, "The platform did not answer in time. Retry later."),
        uri, config.upstream().retryAfter());
  }

  @ServerExceptionMapper
  public Response processing(ProcessingException e, UriInfo uri) {
    Throwable cause = rootCause(e);
    if (cause instanceof java.util.concurrent.TimeoutException
        || cause instanceof java.net.SocketTimeoutException
        || cause instanceof io.netty.handler.timeout.TimeoutException) {
      return timeout(new TimeoutException(), uri);
    }
    if (cause instanceof ConnectException || cause instanceof java.io.IOException) {
      return answer(
          Problem.of(ProblemType.UPSTREAM_UNAVAILABLE, "The platform could not be reached. Retry later."),
          uri, config.upstream().retryAfter());
    }
    return internal(e, uri);
  }

  @ServerExceptionMapper
  public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
    return unauthorized(uri);
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
    return unauthorized(uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return answer(Problem.of(ProblemType.FORBIDDEN, "Your roles do not allow this operation."), uri, null);
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    if (status >= 500) {
      return internal(e, uri);
    }
    ProblemType type =
        switch (status) {
          case 401 -> ProblemType.UNAUTHENTICATED;
          case 403 -> ProblemType.FORBIDDEN;
          case 404 -> ProblemType.NOT_FOUND;
          case 405 -> ProblemType.METHOD_NOT_ALLOWED;
          case 406 -> ProblemType.NOT_ACCEPTABLE;
          case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
          case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
          default -> ProblemType.VALIDATION;
        };
    if (status == 401) {
      return unauthorized(uri);
    }
    Problem problem = Problem.of(type, type.title() + ".");
    if (status != type.status()) {
      problem = new Problem(type.uri(), type.title(), status, problem.detail(), null, null);
    }
    Response.ResponseBuilder answer = builder(problem, uri, null);
    if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
      answer.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
    }
    return answer.build();
  }

  @ServerExceptionMapper(priority = 10_000)
  public Response unexpected(Throwable e, UriInfo uri) {
    return internal(e, uri);
  }

  private Response internal(Throwable e, UriInfo uri) {
    // The id ties the answer to the log line without telling the caller anything about the code.
    String incident = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected failure, incident %s on %s", incident, uri == null ? "?" : uri.getPath());
    return answer(
        Problem.of(ProblemType.INTERNAL, "Something went wrong on our side. Incident " + incident + "."),
        uri, null);
  }

  private Response unauthorized(UriInfo uri) {
    return builder(
            Problem.of(ProblemType.UNAUTHENTICATED,
                "Send a valid, unexpired bearer token from the platform's identity provider."),
            uri, null)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }

  public static Problem validation(List<Problem.FieldViolation> fields) {
    String detail =
        fields.size() == 1
            ? "The request has 1 invalid field."
            : "The request has " + fields.size() + " invalid fields.";
    Problem p = Problem.of(ProblemType.VALIDATION, detail);
    return new Problem(p.type(), p.title(), p.status(), p.detail(), null, fields);
  }

  private Response answer(Problem problem, UriInfo uri, Duration retryAfter) {
    return builder(problem, uri, retryAfter).build();
  }

  private static Response.ResponseBuilder builder(Problem problem, UriInfo uri, Duration retryAfter) {
    Problem body = uri == null ? problem : problem.withInstance(uri.getPath());
    Response.ResponseBuilder answer =
        Response.status(body.status()).type(Problem.MEDIA_TYPE).entity(body);
    if (retryAfter != null) {
      answer.header(HttpHeaders.RETRY_AFTER, Math.max(1, retryAfter.toSeconds()));
    }
    return answer;
  }

  private static List<ElementKind> kinds(Path path) {
    List<ElementKind> kinds = new ArrayList<>();
    path.forEach(node -> kinds.add(node.getKind()));
    return kinds;
  }

  /** The property path without the method and parameter nodes: what the caller sent. */
  private static String fieldOf(ConstraintViolation<?> v) {
    List<String> parts = new ArrayList<>();
    for (Path.Node node : v.getPropertyPath()) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {}
        case PARAMETER -> parts.clear();
        default -> {
          String name = node.getName();
          if (node.getIndex() != null && !parts.isEmpty()) {
            parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
          }
          if (name != null && !name.startsWith("<")) {
            parts.add(name);
          }
        }
      }
    }
    if (parts.isEmpty()) {
      for (Path.Node node : v.getPropertyPath()) {
        if (node.getKind() == ElementKind.PARAMETER) {
          return node.getName();
        }
      }
      return "body";
    }
    return String.join(".", parts);
  }

  private static String jsonPath(List<JsonMappingException.Reference> path) {
    return path.stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String describe(Class<?> type) {
    if (type == String.class) return "a string";
    if (type == Boolean.class || type == boolean.class) return "a boolean";
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "a number";
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "an array";
    return "an object";
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
