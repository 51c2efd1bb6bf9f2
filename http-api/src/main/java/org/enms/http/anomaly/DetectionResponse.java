package org.enms.http.anomaly;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /anomaly/detect}: what one run over a period found, in the original's fields.
 *
 * @param baselineModelVersion the active baseline judged against; null when the machine has none
 *     (or {@code use_baseline} was false) and the isolation forest ran
 * @param totalDataPoints hours in the period the method could evaluate
 * @param anomaliesSaved findings not stored by an earlier run
 * @param contamination as requested; with a baseline, residual thresholds (2σ/3σ, CUSUM) replace
 *     it; without one it caps the share of hours the isolation forest flags
 * @param detectionMethod which method ran: {@value #METHOD} or {@code isolation_forest}
 */
public record DetectionResponse(
    UUID machineId,
    String machineName,
    Period detectionPeriod,
    Integer baselineModelVersion,
    int totalDataPoints,
    int anomaliesDetected,
    int anomaliesSaved,
    double contamination,
    String detectionMethod,
    List<AnomalyView> anomalies) {
  static final String METHOD = "baseline_residual_zscore+cusum";

  /** The period searched: {@code start} inclusive, {@code end} exclusive. */
  public record Period(Instant start, Instant end) {}

  static DetectionResponse of(DetectionResult r, double contamination) {
    return new DetectionResponse(
        r.machineId(),
        r.machineName(),
        new Period(r.start(), r.end()),
        r.baselineModelVersion(),
        r.totalDataPoints(),
        r.anomaliesDetected(),
        r.anomaliesSaved(),
        contamination,
        r.detectionMethod(),
        r.anomalies());
  }
}
