package org.enms.http.anomaly;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one detection run over a period found and stored.
 *
 * @param totalDataPoints hours in the period the baseline could evaluate
 * @param anomaliesSaved findings not stored by an earlier run
 */
public record DetectionResult(
    UUID machineId,
    String machineName,
    Instant start,
    Instant end,
    int baselineModelVersion,
    int totalDataPoints,
    int anomaliesDetected,
    int anomaliesSaved,
    List<AnomalyView> anomalies) {}
