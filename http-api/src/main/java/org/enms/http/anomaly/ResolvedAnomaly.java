package org.enms.http.anomaly;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code /anomaly/{id}/resolve}: the original's fields, then the resolution as recorded (the first
 * one, when the anomaly was already resolved).
 */
public record ResolvedAnomaly(
    UUID id,
    UUID machineId,
    String anomalyType,
    String severity,
    Instant detectedAt,
    Instant resolvedAt,
    boolean isResolved,
    String resolutionNotes) {
  static ResolvedAnomaly of(AnomalyView a) {
    return new ResolvedAnomaly(
        a.id(),
        a.machineId(),
        a.anomalyType(),
        a.severity(),
        a.detectedAt(),
        a.resolvedAt(),
        a.isResolved(),
        a.resolutionNotes());
  }
}
