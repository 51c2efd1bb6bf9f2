package org.enms.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.enms.simulator.physics.Anomaly;
import org.enms.simulator.physics.AnomalyKind;

/**
 * A validated {@code POST /simulator/machines/{id}/anomaly} body.
 *
 * @param startAt when the anomaly begins; empty means now
 */
record AnomalyRequest(
    AnomalyKind kind, Duration duration, double severity, Optional<Instant> startAt) {
  static final int DEFAULT_DURATION_SECONDS = 300;
  static final double DEFAULT_SEVERITY = 1.5;

  /** Thrown for a body that is not shaped as the API requires; answered with 422. */
  static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  /** Thrown when the body names another machine than the path; answered with 400. */
  static final class Mismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Mismatch(String message) {
      super(message);
    }
  }

  static AnomalyRequest parse(JsonNode body, UUID pathMachineId) {
    if (body == null || !body.isObject()) {
      throw new Invalid("body must be a JSON object");
    }
    JsonNode machineId = body.get("machine_id");
    if (machineId != null
        && !machineId.isNull()
        && !machineId.asText().equalsIgnoreCase(pathMachineId.toString())) {
      throw new Mismatch("machine_id in body does not match the path");
    }
    JsonNode type = body.get("anomaly_type");
    if (type == null || !type.isTextual()) {
      throw new Invalid("anomaly_type is required");
    }
    AnomalyKind kind =
        AnomalyKind.fromWireName(type.asText())
            .orElseThrow(() -> new Invalid("unknown anomaly_type: " + type.asText()));

    JsonNode durationNode = body.get("duration_seconds");
    long seconds = DEFAULT_DURATION_SECONDS;
    if (durationNode != null && !durationNode.isNull()) {
      if (!durationNode.canConvertToLong() || !durationNode.isIntegralNumber()) {
        throw new Invalid("duration_seconds must be an integer");
      }
      seconds = durationNode.asLong();
    }
    if (seconds < Anomaly.MIN_DURATION.toSeconds() || seconds > Anomaly.MAX_DURATION.toSeconds()) {
      throw new Invalid("duration_seconds must be between 10 and 3600");
    }

    JsonNode severityNode = body.get("severity");
    double severity = DEFAULT_SEVERITY;
    if (severityNode != null && !severityNode.isNull()) {
      if (!severityNode.isNumber()) {
        throw new Invalid("severity must be a number");
      }
      severity = severityNode.asDouble();
    }
    if (!(severity >= Anomaly.MIN_SEVERITY && severity <= Anomaly.MAX_SEVERITY)) {
      throw new Invalid("severity must be between 1.0 and 5.0");
    }

    JsonNode startNode = body.get("start_at");
    Optional<Instant> startAt = Optional.empty();
    if (startNode != null && !startNode.isNull()) {
      try {
        startAt = Optional.of(Instant.parse(startNode.asText()));
      } catch (DateTimeParseException e) {
        throw new Invalid("start_at must be an ISO-8601 instant such as 2025-01-01T12:00:00Z");
      }
    }
    return new AnomalyRequest(kind, Duration.ofSeconds(seconds), severity, startAt);
  }
}
