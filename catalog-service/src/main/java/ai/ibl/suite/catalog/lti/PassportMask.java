package ai.ibl.suite.catalog.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps LTI client secrets out of answers: the CMS lists a course's passports in full (as its
 * advanced settings do), but a secret is write-only, so every passport is answered as
 * {@code passport_id:client_key:********} and any other appearance of the secret just sent is blanked.
 */
final class PassportMask {
  static final String HIDDEN = "********";
  private static final Pattern PASSPORT = Pattern.compile(LtiPassportRequest.FORMAT);

  private PassportMask() {}

  static String mask(String passport) {
    if (passport == null) {
      return null;
    }
    if (!PASSPORT.matcher(passport).matches()) {
      return HIDDEN;
    }
    return passport.substring(0, passport.lastIndexOf(':') + 1) + HIDDEN;
  }

  /** A copy of {@code answer} with no secret left in it. */
  static JsonNode mask(JsonNode answer, String secret) {
    if (answer == null) {
      return null;
    }
    JsonNode copy = answer.deepCopy();
    return scrub(copy, secret);
  }

  private static JsonNode scrub(JsonNode node, String secret) {
    if (node.isTextual()) {
      String text = node.asText();
      if (PASSPORT.matcher(text).matches()) {
        return TextNode.valueOf(mask(text));
      }
      return text.contains(secret) ? TextNode.valueOf(text.replace(secret, HIDDEN)) : node;
    }
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        field.setValue(scrub(field.getValue(), secret));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, scrub(array.get(i), secret));
      }
    }
    return node;
  }
}
