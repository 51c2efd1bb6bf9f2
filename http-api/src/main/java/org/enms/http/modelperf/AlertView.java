package org.enms.http.modelperf;

import java.time.Instant;
import java.util.UUID;
import org.enms.db.ModelPerformanceDao.AlertRow;

/**
 * One unresolved model alert of {@code GET /model-performance/alerts/active}: the original's fields
 * first, then the model, the evaluation that raised it and the figures compared.
 *
 * @param currentMetricValue the drift score
 * @param thresholdValue its threshold
 * @param baselineMetricValue the model's training R²
 */
public record AlertView(
    UUID id,
    String alertType,
    String severity,
    String modelType,
    UUID machineId,
    String machineName,
    String alertMessage,
    Instant alertTimestamp,
    boolean isResolved,
    boolean autoActionTaken,
    UUID modelId,
    Integer modelVersion,
    UUID metricId,
    Double currentMetricValue,
    Double thresholdValue,
    Double baselineMetricValue) {

  static AlertView of(AlertRow a) {
    return new AlertView(
        a.id(),
        a.alertType(),
        a.severity(),
        a.modelType(),
        a.machineId(),
        a.machineName(),
        a.message(),
        a.at(),
        a.isResolved(),
        a.autoActionTaken(),
        a.modelId(),
        a.modelVersion(),
        a.metricId(),
        a.currentValue(),
        a.thresholdValue(),
        a.baselineValue());
  }
}
