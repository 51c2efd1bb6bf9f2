package org.enms.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enms.core.json.Json;

/** jsonb columns written and read with the shared mapper (snake_case), for the DAOs. */
public final class Jsonb {
  private Jsonb() {}

  /** The value as JSON text, to bind with {@code CAST(:x AS jsonb)}. */
  public static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serialisable as JSON: " + value, e);
    }
  }

  public static <T> T read(String json, TypeReference<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON unreadable: " + json, e);
    }
  }

  /**
   * A stored {@code name → number} object in the order of {@code names}: jsonb keeps no key order,
   * a text[] column beside it does.
   */
  public static Map<String, Double> orderedDoubles(String json, List<String> names) {
    Map<String, Double> stored = read(json, new TypeReference<Map<String, Double>>() {});
    Map<String, Double> ordered = new LinkedHashMap<>();
    names.forEach(n -> ordered.put(n, stored.get(n)));
    return ordered;
  }
}
