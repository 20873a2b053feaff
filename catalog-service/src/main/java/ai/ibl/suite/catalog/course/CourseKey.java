package ai.ibl.suite.catalog.course;

import ai.ibl.suite.common.error.ProblemException;
import java.util.regex.Matcher;

/**
 * An Open edX course key, {@code course-v1:ORG+NUMBER+RUN}. The org is the tenant the course
 * belongs to, so every course-authoring permission is decided from it.
 */
public record CourseKey(String org, String number, String run) {
  /** One part of a key, as opaque-keys allows it (ASCII only: the platform's tenants are ASCII). */
  public static final String PART = "[A-Za-z0-9_.~-]+";
  public static final String PART_PATTERN = "^" + PART + "$";
  public static final String PATTERN = "^course-v1:(" + PART + ")\\+(" + PART + ")\\+(" + PART + ")$";
  public static final String FORMAT_MESSAGE = "must be a course key like course-v1:Org+Course+Run";
  public static final String PART_MESSAGE = "may contain only letters, digits, '.', '_', '~' and '-'";
  public static final int MAX_LENGTH = 255;

  private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

  /** The key in {@code text}; callers validate the format first, so a bad one is a bug here. */
  public static CourseKey parse(String text) {
    Matcher m = COMPILED.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a course key");
    }
    return new CourseKey(m.group(1), m.group(2), m.group(3));
  }

  /** The key a query parameter names, or a 400 problem naming the parameter. */
  public static CourseKey fromParameter(String parameter, String text) {
    if (text == null || text.isBlank()) {
      throw ProblemException.invalid(parameter, "is required");
    }
    if (text.length() > MAX_LENGTH || !COMPILED.matcher(text).matches()) {
      throw ProblemException.invalid(parameter, FORMAT_MESSAGE);
    }
    return parse(text);
  }

  public static CourseKey of(String org, String number, String run) {
    return new CourseKey(org, number, run);
  }

  @Override
  public String toString() {
    return "course-v1:" + org + "+" + number + "+" + run;
  }
}
