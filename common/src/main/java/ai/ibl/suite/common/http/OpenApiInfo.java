package ai.ibl.suite.common.http;

/** Shared pieces of every service's OpenAPI document. */
public final class OpenApiInfo {
  /** The security scheme name every resource refers to. */
  public static final String BEARER = "bearer";

  private OpenApiInfo() {}
}
