package ai.ibl.suite.catalog.xblock;

import ai.ibl.suite.catalog.course.CourseKey;
import ai.ibl.suite.common.error.ProblemException;
import java.util.regex.Matcher;

/**
 * An Open edX usage key, {@code block-v1:ORG+NUMBER+RUN+type@TYPE+block@ID}: a block of one
 * course, whose org is the tenant that may author it.
 */
public record BlockLocator(CourseKey course, String type, String blockId) {
  public static final String TYPE = "[a-z][a-z0-9_-]*";
  public static final String TYPE_PATTERN = "^" + TYPE + "$";
  public static final String TYPE_MESSAGE = "must be a block type such as vertical, html or problem";
  public static final String PATTERN = "^block-v1:(" + CourseKey.PART + ")\\+(" + CourseKey.PART + ")\\+("
      + CourseKey.PART + ")\\+type@(" + TYPE + ")\\+block@(" + CourseKey.PART + ")$";
  public static final String FORMAT_MESSAGE = "must be a block locator like block-v1:Org+Course+Run+type@vertical+block@abc";
  public static final int MAX_LENGTH = 512;

  private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

  /** The locator in {@code text}; callers validate the format first, so a bad one is a bug here. */
  public static BlockLocator parse(String text) {
    Matcher m = COMPILED.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a block locator");
    }
    return new BlockLocator(CourseKey.of(m.group(1), m.group(2), m.group(3)), m.group(4), m.group(5));
  }

  /** The locator a query parameter names, or a 400 problem naming the parameter. */
  public static BlockLocator fromParameter(String parameter, String text) {
    if (text == null || text.isBlank()) {
      throw ProblemException.invalid(parameter, "is required");
    }
    if (text.length() > MAX_LENGTH || !COMPILED.matcher(text).matches()) {
      throw ProblemException.invalid(parameter, FORMAT_MESSAGE);
    }
    return parse(text);
  }

  public String org() {
    return course.org();
  }

  @Override
  public String toString() {
    return "block-v1:" + course.org() + "+" + course.number() + "+" + course.run() + "+type@" + type + "+block@" + blockId;
  }
}
