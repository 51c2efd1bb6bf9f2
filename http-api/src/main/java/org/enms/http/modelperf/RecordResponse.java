package org.enms.http.modelperf;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /model-performance/metrics/record}: the original's {@code metric_id}, {@code
 * drift_detected}, {@code drift_score} and {@code recommendation}, plus what was computed.
 *
 * @param recommendation ok, monitor or retrain
 * @param advice the recommendation in words
 * @param evaluationEnd the window's end as judged (cut back to the last complete hour)
 * @param dataCompleteness share of the window's hours the model could judge, 0 to 1
 * @param outlierPercentage share of judged hours beyond three training standard errors, %
 * @param alertId the drift alert raised, null without drift
 */
public record RecordResponse(
    UUID metricId,
    boolean driftDetected,
    double driftScore,
    String recommendation,
    String driftType,
    double driftThreshold,
    String advice,
    UUID modelId,
    String modelType,
    int modelVersion,
    UUID machineId,
    String machineName,
    Instant evaluationStart,
    Instant evaluationEnd,
    int sampleCount,
    double dataCompleteness,
    Double rSquared,
    double rmse,
    double mae,
    Double mape,
    double biasKwh,
    double outlierPercentage,
    Performance currentPerformance,
    Performance baselinePerformance,
    UUID alertId) {}
