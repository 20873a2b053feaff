package ai.ibl.emulator.core;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Checks every Manager interaction (the request a service sent, and the emulator's answer) against
 * the Manager's OpenAPI description ({@code contract/ibl-manager-subset.openapi.yaml}), with the
 * swagger-request-validator library. Violations are collected for tests to assert on: a service's
 * typed client that sends a body the Manager would refuse fails its tests, and so does an emulator
 * answer the real Manager would never give.
 */
public final class ContractCheck {
  public static final String SPEC = "contract/ibl-manager-subset.openapi.yaml";

  private final OpenApiInteractionValidator validator;
  private final List<String> violations = new CopyOnWriteArrayList<>();

  public ContractCheck() {
    String spec;
    try (InputStream in = ContractCheck.class.getClassLoader().getResourceAsStream(SPEC)) {
      if (in == null) {
        throw new IllegalStateException(SPEC + " is missing from the classpath");
      }
      spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + SPEC, e);
    }
    this.validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(spec)
            .withLevelResolver(
                LevelResolver.create()
                    // The description's example scheme says "Api-Key"; the platform takes "Api-Token".
                    // Presence of the header is still checked.
                    .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                    // The description documents few error statuses (404 and 401 are often absent),
                    // yet the platform answers them; bodies of documented statuses are still checked.
                    .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                    .build())
            .build();
  }

  /** Validates one Manager interaction; {@code path} is relative to the Manager's base URL. */
  public void check(String method, String path, Map<String, List<String>> query,
      Map<String, String> headers, String requestBody, int status, String responseBody) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
    headers.forEach(request::withHeader);
    query.forEach((name, values) -> request.withQueryParam(name, values));
    if (requestBody != null && !requestBody.isEmpty()) {
      request.withBody(requestBody);
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    if (responseBody != null && !responseBody.isEmpty()) {
      response.withContentType("application/json").withBody(responseBody);
    }
    ValidationReport report = validator.validate(request.build(), response.build());
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        violations.add(method + " " + path + " -> " + status + ": [" + message.getKey() + "] " + message.getMessage());
      }
    }
  }

  public List<String> violations() {
    return List.copyOf(violations);
  }

  public void clear() {
    violations.clear();
  }
}
