package ai.ibl.suite.mentor.mentor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link MentorRequest} sent as a form ({@code application/x-www-form-urlencoded} or
 * {@code multipart/form-data}), the way the Manager's Django REST framework reads forms: one value
 * per scalar field, repeated keys (or one JSON array) for lists, JSON text for the free-form JSON
 * fields, {@code true/false/1/0/on/off/yes/no} for booleans. A value of the wrong shape is passed on
 * as text so the strict JSON reader refuses it and names the field, as it would in a JSON body.
 */
@ApplicationScoped
class MentorForms {
  private static final Set<String> TRUE = Set.of("true", "1", "on", "yes");
  private static final Set<String> FALSE = Set.of("false", "0", "off", "no");
  /** Wire name of each field, with its Java type. */
  private static final Map<String, Type> FIELDS = fields();

  private final ObjectMapper json;
  private final Validator validator;

  MentorForms(ObjectMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  /** The form as a validated request; throws the same 400s a JSON body would get. */
  MentorRequest read(Map<String, List<String>> form) throws JsonProcessingException {
    ObjectNode body = json.createObjectNode();
    form.forEach((name, values) -> {
      Type type = FIELDS.get(name);
      if (type != null && values != null && !values.isEmpty()) {
        body.set(name, value(name, type, values));
      }
    });
    MentorRequest request = json.treeToValue(body, MentorRequest.class);
    Set<ConstraintViolation<MentorRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return request;
  }

  private JsonNode value(String name, Type type, List<String> values) {
    String last = values.get(values.size() - 1);
    if (MentorRequest.JSON_FIELDS.contains(name)) {
      return parsedOrText(last);
    }
    if (type instanceof ParameterizedType list) {
      Type element = list.getActualTypeArguments()[0];
      if (values.size() == 1 && last.trim().startsWith("[")) {
        return parsedOrText(last);
      }
      ArrayNode array = json.createArrayNode();
      values.forEach(v -> array.add(scalar(element, v)));
      return array;
    }
    return scalar(type, last);
  }

  private JsonNode scalar(Type type, String text) {
    String t = text.trim();
    if (type == Boolean.class) {
      String lower = t.toLowerCase(Locale.ROOT);
      if (TRUE.contains(lower)) return json.getNodeFactory().booleanNode(true);
      if (FALSE.contains(lower)) return json.getNodeFactory().booleanNode(false);
    } else if (type == Long.class) {
      try {
        return json.getNodeFactory().numberNode(Long.parseLong(t));
      } catch (NumberFormatException e) {
        // Left as text: refused below as "must be a number".
      }
    } else if (type == Double.class) {
      try {
        return json.getNodeFactory().numberNode(new BigDecimal(t));
      } catch (NumberFormatException e) {
        // Left as text: refused below as "must be a number".
      }
    }
    return json.getNodeFactory().textNode(text);
  }

  private JsonNode parsedOrText(String text) {
    try {
      JsonNode parsed = json.readTree(text);
      return parsed == null || parsed.isMissingNode() ? json.getNodeFactory().textNode(text) : parsed;
    } catch (JsonProcessingException e) {
      return json.getNodeFactory().textNode(text);
    }
  }

  private static Map<String, Type> fields() {
    Map<String, Type> fields = new LinkedHashMap<>();
    for (RecordComponent component : MentorRequest.class.getRecordComponents()) {
      // Jackson's annotation does not target record components; it lands on the accessor.
      JsonProperty wire = component.getAccessor().getAnnotation(JsonProperty.class);
      fields.put(wire != null ? wire.value() : component.getName(), component.getGenericType());
    }
    return Map.copyOf(fields);
  }
}
