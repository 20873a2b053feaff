package ai.ibl.suite.catalog.xblock;

import ai.ibl.suite.common.error.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;

/** Checks shared by the XBlock bodies that bean validation cannot express on a {@link JsonNode}. */
public final class XBlockFields {
  /** Limits for the seed's free-text and identifier fields. */
  public static final int MAX_NAME = 255;
  public static final String BOILERPLATE_PATTERN = "^[A-Za-z0-9_.-]+$";
  public static final String BOILERPLATE_MESSAGE = "must be a template name such as multiplechoice.yaml";
  public static final int MAX_POSITION = 10_000;

  private XBlockFields() {}

  /**
   * A block's {@code data} is what its kind stores: an object of fields, or a string (HTML for
   * text blocks, OLX for problems). Absent and JSON null mean "leave it as it is".
   */
  public static void requireDataShape(JsonNode data) {
    if (data != null && !data.isNull() && !data.isObject() && !data.isTextual()) {
      throw ProblemException.invalid("data", "must be an object or a string");
    }
  }
}
