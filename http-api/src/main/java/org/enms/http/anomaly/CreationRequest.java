package org.enms.http.anomaly;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.enms.http.error.ApiException;
import org.enms.http.support.QueryParams;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/**
 * {@code POST /anomaly/create}: an anomaly entered by hand (the original's demo tool), in its
 * fields. Unlike the original, {@code is_resolved} is stored.
 *
 * @param detectedAt when it happened, in any form the query parameters accept
 * @param anomalyType spike, drop, drift or unknown
 * @param severity critical, warning or normal
 * @param confidenceScore 0–1, 0.85 when not given
 */
public record CreationRequest(
    UUID machineId,
    String detectedAt,
    String anomalyType,
    String severity,
    String metricName,
    Double metricValue,
    Double expectedValue,
    Double deviationPercent,
    Double confidenceScore,
    Boolean isResolved)
    implements Validated {
  static final Set<String> TYPES = Set.of("spike", "drop", "drift", "unknown");
  static final Set<String> SEVERITIES = Set.of("critical", "warning", "normal");

  public CreationRequest {
    confidenceScore = confidenceScore == null ? 0.85 : confidenceScore;
    isResolved = isResolved != null && isResolved;
  }

  @Override
  public void validate(Violations v) {
    v.required("machine_id", machineId);
    if (v.name("detected_at", detectedAt) && parse(detectedAt).isEmpty()) {
      v.invalid("detected_at", "invalid datetime format");
    }
    oneOf(v, "anomaly_type", anomalyType, TYPES, "spike, drop, drift, unknown");
    oneOf(v, "severity", severity, SEVERITIES, "critical, warning, normal");
    v.notBlank("metric_name", metricName);
    finite(v, "metric_value", metricValue);
    finite(v, "expected_value", expectedValue);
    finite(v, "deviation_percent", deviationPercent);
    if (v.atLeast("confidence_score", confidenceScore, 0) && confidenceScore > 1) {
      v.invalid("confidence_score", "ensure this value is less than or equal to 1");
    }
  }

  Instant at() {
    return QueryParams.instant("detected_at", detectedAt);
  }

  private static void oneOf(
      Violations v, String field, String value, Set<String> allowed, String names) {
    if (v.name(field, value) && !allowed.contains(value)) {
      v.invalid(field, "value is not a valid enumeration member; permitted: " + names);
    }
  }

  private static void finite(Violations v, String field, Double value) {
    if (value != null && !Double.isFinite(value)) {
      v.invalid(field, "value is not a valid number");
    }
  }

  private static Optional<Instant> parse(String text) {
    try {
      return Optional.of(QueryParams.instant("detected_at", text));
    } catch (ApiException e) {
      return Optional.empty();
    }
  }
}
