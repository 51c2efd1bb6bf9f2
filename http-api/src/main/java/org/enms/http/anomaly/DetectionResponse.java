package org.enms.http.anomaly;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /anomaly/detect}: what one run over a period found, in the original's fields.
 *
 * @param totalDataPoints hours in the period the baseline could evaluate
 * @param anomaliesSaved findings not stored by an earlier run
 * @param contamination as requested; residual thresholds (2σ/3σ, CUSUM) replace the original's
 *     isolation forest and its expected share of anomalies
 */
public record DetectionResponse(
    UUID machineId,
    String machineName,
    Period detectionPeriod,
    int baselineModelVersion,
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
        METHOD,
        r.anomalies());
  }
}
