package org.enms.http.anomaly;

import java.time.Instant;
import java.util.UUID;

/** Counts of a machine's recent anomalies by severity, and the latest one if any. */
public record AnomalySummary(int count, int critical, int warnings, int normal, Latest latest) {
  public static final AnomalySummary NONE = new AnomalySummary(0, 0, 0, 0, null);

  /** The newest anomaly, in the fields the original's status endpoint gives. */
  public record Latest(
      UUID anomalyId, Instant detectedAt, String type, String severity, String description) {}
}
