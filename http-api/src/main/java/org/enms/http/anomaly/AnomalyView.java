package org.enms.http.anomaly;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored anomaly in the original API's fields.
 *
 * @param metricValue the measured value, e.g. kWh in the hour
 * @param expectedValue the baseline's expectation, same unit
 * @param deviationStdDev deviation in residual standard errors
 * @param confidenceScore 0–1
 */
public record AnomalyView(
    UUID id,
    UUID machineId,
    String machineName,
    String machineType,
    Instant detectedAt,
    String anomalyType,
    String severity,
    String metricName,
    Double metricValue,
    Double expectedValue,
    Double deviationPercent,
    Double deviationStdDev,
    String detectionMethod,
    Double confidenceScore,
    boolean isResolved,
    Instant resolvedAt,
    String resolutionNotes) {}
