package org.enms.http.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.enms.core.json.Json;
import org.enms.http.error.ApiException;

/**
 * A JSON request body read field by field. Problems are collected rather than thrown one at a time,
 * and {@link #check()} answers them all at once as FastAPI does: 422 with {@code loc: ["body",
 * field]} per problem. Absent and {@code null} fields read as "not given".
 */
public final class JsonBody {
  private final JsonNode root;
  private final List<Map<String, Object>> errors = new ArrayList<>();

  private JsonBody(JsonNode root) {
    this.root = root;
  }

  public static JsonBody parse(String text) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(text.isBlank() ? "null" : text);
    } catch (JsonProcessingException e) {
      throw new ApiException(
          StatusCodes.UNPROCESSABLE_ENTITY,
          List.of(error(List.of("body"), "JSON decode error", "value_error.jsondecode")));
    }
    if (node == null || !node.isObject()) {
      throw new ApiException(
          StatusCodes.UNPROCESSABLE_ENTITY,
          List.of(error(List.of("body"), "a JSON object is required", "type_error.dict")));
    }
    return new JsonBody(node);
  }

  public boolean has(String field) {
    return root.hasNonNull(field);
  }

  /** True when the field is present, even as {@code null} (a PATCH that clears it). */
  public boolean mentions(String field) {
    return root.has(field);
  }

  public String string(String field, String fallback) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode v = root.get(field);
    if (!v.isTextual()) {
      return invalid(field, "str type expected", fallback);
    }
    return v.asText();
  }

  /** A non-blank string, required when {@code fallback} is null. */
  public String name(String field, String fallback) {
    if (!has(field) && fallback == null) {
      return missing(field);
    }
    String v = string(field, fallback);
    if (v != null && v.isBlank()) {
      return invalid(field, "must not be blank", fallback);
    }
    return v == null ? null : v.trim();
  }

  public Double number(String field, Double fallback, double min) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode v = root.get(field);
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      return invalid(field, "value is not a valid number", fallback);
    }
    if (v.asDouble() < min) {
      return invalid(field, "ensure this value is greater than or equal to " + fmt(min), fallback);
    }
    return v.asDouble();
  }

  public Double requiredNumber(String field, Double fallback, double min) {
    if (!has(field) && fallback == null) {
      return missing(field);
    }
    return number(field, fallback, min);
  }

  public Integer integer(String field, Integer fallback, int min, int max) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode v = root.get(field);
    if (!v.canConvertToInt() || !(v.isIntegralNumber() || v.asDouble() == v.asInt())) {
      return invalid(field, "value is not a valid integer", fallback);
    }
    if (v.asInt() < min || v.asInt() > max) {
      return invalid(field, "ensure this value is between " + min + " and " + max, fallback);
    }
    return v.asInt();
  }

  public Boolean bool(String field, Boolean fallback) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode v = root.get(field);
    return v.isBoolean()
        ? v.asBoolean()
        : invalid(field, "value could not be parsed to a boolean", fallback);
  }

  public UUID uuid(String field, UUID fallback) {
    if (!has(field)) {
      return fallback;
    }
    try {
      return UUID.fromString(root.get(field).asText());
    } catch (IllegalArgumentException e) {
      return invalid(field, "value is not a valid uuid", fallback);
    }
  }

  /** An array whose elements {@code element} reads; it reports problems with {@link #invalid}. */
  public <T> List<T> list(String field, List<T> fallback, Function<JsonNode, T> element) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode v = root.get(field);
    if (!v.isArray()) {
      return invalid(field, "value is not a valid list", fallback);
    }
    List<T> out = new ArrayList<>();
    v.forEach(e -> out.add(element.apply(e)));
    return out;
  }

  public <T> T invalid(String field, String message, T fallback) {
    errors.add(error(List.of("body", field), message, "value_error"));
    return fallback;
  }

  private <T> T missing(String field) {
    errors.add(error(List.of("body", field), "field required", "value_error.missing"));
    return null;
  }

  /** Throws the collected problems as one 422, if there are any. */
  public void check() {
    if (!errors.isEmpty()) {
      throw new ApiException(StatusCodes.UNPROCESSABLE_ENTITY, List.copyOf(errors));
    }
  }

  private static Map<String, Object> error(List<String> loc, String msg, String type) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("loc", loc);
    e.put("msg", msg);
    e.put("type", type);
    return e;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
