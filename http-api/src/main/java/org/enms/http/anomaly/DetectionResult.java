package org.enms.http.anomaly;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one detection run over a period found and stored.
 *
 * @param baselineModelVersion the baseline judged against; null when none was used
 * @param totalDataPoints hours in the period the method could evaluate
 * @param anomaliesSaved findings not stored by an earlier run
 * @param detectionMethod {@link DetectionResponse#METHOD} against a baseline, or {@code
 *     isolation_forest} without one
 */
public record DetectionResult(
    UUID machineId,
    String machineName,
    Instant start,
    Instant end,
    Integer baselineModelVersion,
    int totalDataPoints,
    int anomaliesDetected,
    int anomaliesSaved,
    String detectionMethod,
    List<AnomalyView> anomalies) {}
