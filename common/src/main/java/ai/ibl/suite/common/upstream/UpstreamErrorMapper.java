package ai.ibl.suite.common.upstream;

import ai.ibl.suite.common.error.Problem;
import ai.ibl.suite.common.error.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns an upstream's error answer into an {@link UpstreamException}. Register it on every typed
 * client ({@code @RegisterProvider(UpstreamErrorMapper.class)}), so every service maps upstream
 * errors the same way: 4xx keep their status and the upstream's own words (Django REST framework's
 * {@code detail} or per-field lists), 5xx become a 502 that says nothing of the upstream's internals.
 */
public class UpstreamErrorMapper implements ResponseExceptionMapper<UpstreamException> {
  private static final int MAX_DETAIL = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public UpstreamException toThrowable(Response response) {
    int status = response.getStatus();
    if (status >= 500) {
      return new UpstreamFailedException(status,
          Problem.of(ProblemType.UPSTREAM_FAILED, "The platform answered " + status + ". Retry later."));
    }
    String body = readBody(response);
    List<Problem.FieldViolation> fields = new ArrayList<>();
    String detail = detailOf(body, fields);
    ProblemType type = switch (status) {
      case 404 -> ProblemType.NOT_FOUND;
      case 409 -> ProblemType.CONFLICT;
      case 401, 403 -> ProblemType.UPSTREAM_REJECTED;
      default -> ProblemType.UPSTREAM_REJECTED;
    };
    // The upstream refusing our own service credentials is our failure, not the caller's.
    int answered = status == 401 || status == 403 ? 502 : status;
    if (answered == 502) {
      return new UpstreamFailedException(status,
          Problem.of(ProblemType.UPSTREAM_FAILED, "The platform refused this service's credentials."));
    }
    String text = detail == null ? "The platform rejected the request (" + status + ")." : detail;
    return new UpstreamRejectedException(status,
        new Problem(type.uri(), type.title(), answered, text, null, fields));
  }

  private static String readBody(Response response) {
    try {
      if (!response.hasEntity()) {
        return null;
      }
      return response.readEntity(String.class);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static String detailOf(String body, List<Problem.FieldViolation> fields) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      for (String key : List.of("detail", "error", "message", "non_field_errors")) {
        JsonNode value = node.get(key);
        if (value != null) {
          return clip(value.isTextual() ? value.asText() : value.isArray() && !value.isEmpty() ? value.get(0).asText() : value.toString());
        }
      }
      if (node.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext() && fields.size() < 50) {
          Map.Entry<String, JsonNode> e = it.next();
          JsonNode v = e.getValue();
          String message = v.isArray() && !v.isEmpty() ? v.get(0).asText() : v.isTextual() ? v.asText() : null;
          if (message != null) {
            fields.add(new Problem.FieldViolation(e.getKey(), clip(message)));
          }
        }
        if (!fields.isEmpty()) {
          return "The platform rejected " + fields.size() + " field(s).";
        }
      }
      return null;
    } catch (java.io.IOException e) {
      // Not JSON: an HTML error page says nothing useful to callers.
      return null;
    }
  }

  private static String clip(String text) {
    return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
  }
}
