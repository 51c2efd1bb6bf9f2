package org.enms.http.modelperf;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /model-performance/drift/check}: the original's fields, the window's figures against
 * the training's, plus which model and window were judged. Nothing is stored.
 *
 * @param driftType no_drift, data_drift or concept_drift
 * @param recommendation ok, monitor or retrain
 * @param threshold the drift score's threshold
 */
public record DriftCheckResponse(
    boolean driftDetected,
    double driftScore,
    String driftType,
    String recommendation,
    String advice,
    double threshold,
    Performance currentPerformance,
    Performance baselinePerformance,
    UUID modelId,
    int modelVersion,
    UUID machineId,
    Instant evaluationStart,
    Instant evaluationEnd,
    double dataCompleteness) {}
