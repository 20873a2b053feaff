package ai.ibl.suite.common.error;

/** The suite's catalogue of problem types: stable identifiers, documented titles and statuses. */
public enum ProblemType {
  VALIDATION("validation", "Request body or parameters are invalid", 400),
  MALFORMED_BODY("malformed-body", "Request body is not valid JSON for this operation", 400),
  UNAUTHENTICATED("unauthenticated", "A valid bearer token is required", 401),
  FORBIDDEN("forbidden", "The caller may not perform this operation", 403),
  NOT_FOUND("not-found", "Resource not found", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed on this resource", 405),
  NOT_ACCEPTABLE("not-acceptable", "No acceptable representation", 406),
  CONFLICT("conflict", "The request conflicts with the current state", 409),
  PAYLOAD_TOO_LARGE("payload-too-large", "Request body is too large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported content type", 415),
  TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
  UPSTREAM_REJECTED("upstream-rejected", "The platform rejected the request", 400),
  UPSTREAM_FAILED("upstream-failed", "The platform failed to answer", 502),
  UPSTREAM_UNAVAILABLE("upstream-unavailable", "The platform is unavailable", 503),
  UPSTREAM_TIMEOUT("upstream-timeout", "The platform did not answer in time", 504),
  INTERNAL("internal", "Internal error", 500);

  private final String slug;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  /** A URI reference relative to the service, so it resolves to the suite's own documentation. */
  public String uri() {
    return "/problems/" + slug;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }
}
