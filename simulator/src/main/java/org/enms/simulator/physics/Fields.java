package org.enms.simulator.physics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a message body in a stable field order, rounding numbers as the original publishes them.
 */
final class Fields {
  private final Map<String, Object> values = new LinkedHashMap<>();

  static Fields create() {
    return new Fields();
  }

  Fields put(String name, double value, int decimals) {
    values.put(name, Noise.round(value, decimals));
    return this;
  }

  Fields put(String name, Object value) {
    values.put(name, value);
    return this;
  }

  Map<String, Object> build() {
    return values;
  }
}
