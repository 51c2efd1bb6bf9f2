package org.enms.http.modelperf;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.enms.db.ModelPerformanceDao.EvaluationRow;

/**
 * {@code GET /model-performance/metrics/trend}: the machine's evaluations, oldest first, and where
 * R² is heading.
 *
 * @param trendDirection improving, stable or degrading
 * @param degradationRate R² percentage points per day (negative: degrading)
 */
public record TrendResponse(
    String modelType,
    UUID machineId,
    String machineName,
    List<Metric> metrics,
    String trendDirection,
    double degradationRate) {

  /** One stored evaluation, with the original's fields first. */
  public record Metric(
      UUID id,
      UUID modelId,
      String modelType,
      UUID machineId,
      int modelVersion,
      Instant evaluationDate,
      Double rSquared,
      Double rmse,
      Double mae,
      Double mape,
      boolean driftDetected,
      Double driftScore,
      int sampleCount,
      Double dataCompleteness,
      Instant evaluationStart,
      Instant evaluationEnd,
      String driftType,
      String recommendation,
      Double outlierPercentage) {

    static Metric of(EvaluationRow r) {
      return new Metric(
          r.id(),
          r.modelId(),
          r.modelType(),
          r.machineId(),
          r.modelVersion(),
          r.evaluationDate(),
          r.rSquared(),
          r.rmse(),
          r.mae(),
          r.mape(),
          r.driftDetected(),
          r.driftScore(),
          r.sampleCount(),
          r.dataCompleteness(),
          r.start(),
          r.end(),
          r.driftType(),
          r.recommendation(),
          r.outlierPercentage());
    }
  }
}
