package org.enms.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.enms.core.time.IsoInstants;

/**
 * Typed access to the fields of one JSON reading, producing reasons a person can act on ("field
 * power_kw: expected a number, got string") instead of parser stack traces.
 */
final class Fields {
  /**
   * No meter reads a petawatt or a billion-megawatt-hour register. Beyond this a finite value is
   * not a measurement, and a few of them would overflow double precision in the roll-ups' sums of
   * squares (stddev) near 1e154, failing the roll-up of every machine in that minute.
   */
  static final double MAX_MAGNITUDE = 1e12;

  private final JsonNode node;

  Fields(JsonNode node) {
    this.node = node;
  }

  boolean has(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  double requiredDouble(String name) throws RejectedPayloadException {
    Double v = optionalDouble(name);
    if (v == null) {
      throw new RejectedPayloadException("missing field " + name);
    }
    return v;
  }

  Double optionalDouble(String name) throws RejectedPayloadException {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      throw new RejectedPayloadException(
          "field " + name + ": expected a number, got " + v.getNodeType().name().toLowerCase());
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d)) {
      throw new RejectedPayloadException("field " + name + ": not a finite number");
    }
    if (Math.abs(d) > MAX_MAGNITUDE) {
      throw new RejectedPayloadException("field " + name + ": magnitude above 1e12");
    }
    return d;
  }

  long requiredCount(String name) throws RejectedPayloadException {
    Long v = optionalCount(name);
    if (v == null) {
      throw new RejectedPayloadException("missing field " + name);
    }
    return v;
  }

  Long optionalCount(String name) throws RejectedPayloadException {
    Double d = optionalDouble(name);
    if (d == null) {
      return null;
    }
    if (d < 0 || d != Math.rint(d)) {
      throw new RejectedPayloadException(
          "field " + name + ": expected a non-negative whole number");
    }
    return d.longValue();
  }

  String optionalText(String name) throws RejectedPayloadException {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new RejectedPayloadException("field " + name + ": expected a string");
    }
    return v.textValue();
  }

  Boolean optionalBoolean(String name) throws RejectedPayloadException {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw new RejectedPayloadException("field " + name + ": expected true or false");
    }
    return v.booleanValue();
  }

  UUID machineId() throws RejectedPayloadException {
    String text = optionalText("machine_id");
    if (text == null) {
      throw new RejectedPayloadException("missing field machine_id");
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new RejectedPayloadException("field machine_id: not a UUID: " + abbreviate(text));
    }
  }

  /**
   * The reading's instant from {@code time} or {@code timestamp} (the boiler's name). Naive
   * timestamps are UTC, as the original publishes {@code datetime.utcnow().isoformat()}.
   */
  Instant time() throws RejectedPayloadException {
    String name = has("time") ? "time" : "timestamp";
    String text = optionalText(name);
    if (text == null) {
      throw new RejectedPayloadException("missing field time");
    }
    return parseInstant(name, text);
  }

  static Instant parseInstant(String field, String text) throws RejectedPayloadException {
    try {
      return IsoInstants.parse(text);
    } catch (DateTimeParseException e) {
      throw new RejectedPayloadException(
          "field " + field + ": not an ISO-8601 timestamp: " + abbreviate(text));
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }
}
