package org.enms.http.baseline;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /baseline/train}: the model just trained and made active, in the original's fields
 * plus CV(RMSE), NMBE, the validity verdict, the data sufficiency and the drivers left out.
 *
 * @param modelType {@code linear_regression}, {@code time_of_week} or {@code
 *     time_of_week_temperature} (new: the original trained regressions only)
 * @param coefficients kWh per driver unit, by driver
 * @param pValues by driver
 * @param modelPath always null: models live in {@code energy_baselines}, not in files
 * @param meetsQualityThreshold the original's rule, R² ≥ 0.80
 * @param dataSufficiency as stored with the model (see {@link BaselineView#dataSufficiency})
 */
public record TrainingResponse(
    UUID modelId,
    UUID machineId,
    String machineName,
    String energySource,
    String modelType,
    int modelVersion,
    @JsonUnwrapped FitMetrics metrics,
    int trainingSamples,
    Map<String, Double> coefficients,
    double intercept,
    List<String> featureNames,
    Map<String, Double> pValues,
    Map<String, BaselineView.DriverRange> featureRanges,
    Instant trainingStartDate,
    Instant trainingEndDate,
    Instant trainedAt,
    String modelPath,
    boolean meetsQualityThreshold,
    BaselineView.Validity validity,
    Map<String, Object> dataSufficiency,
    List<String> droppedDrivers) {
  /** The original's {@code meets_quality_threshold}: R² ≥ 0.80. */
  static final double QUALITY_R2 = 0.80;

  static TrainingResponse of(BaselineView m) {
    return new TrainingResponse(
        m.id(),
        m.machineId(),
        m.machineName(),
        m.energySource(),
        m.modelType(),
        m.modelVersion(),
        FitMetrics.of(m),
        m.trainingSamples(),
        m.coefficients(),
        m.intercept(),
        List.copyOf(m.coefficients().keySet()),
        m.pValues(),
        m.featureRanges(),
        m.trainingStart(),
        m.trainingEnd(),
        m.createdAt(),
        null,
        m.rSquared() >= QUALITY_R2,
        m.validity(),
        m.dataSufficiency(),
        m.droppedDrivers());
  }
}
