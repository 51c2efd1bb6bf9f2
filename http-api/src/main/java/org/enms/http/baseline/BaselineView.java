package org.enms.http.baseline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stored energy baseline as the baseline endpoints show it.
 *
 * @param coefficients kWh per driver unit, in the drivers' order
 * @param cvRmse CV(RMSE), % (ASHRAE Guideline 14)
 * @param nmbe NMBE, %
 * @param featureRanges per driver, its range over the training hours, in the order stored
 * @param dataSufficiency samples, expected hours and the share present, as stored with the model
 *     (free-form metadata: models trained before a key existed lack it)
 * @param droppedDrivers requested drivers left out, with the reason
 */
public record BaselineView(
    UUID id,
    UUID machineId,
    String machineName,
    String machineType,
    UUID energySourceId,
    String energySource,
    String modelName,
    String modelType,
    int modelVersion,
    Instant trainingStart,
    Instant trainingEnd,
    int trainingSamples,
    Map<String, Double> coefficients,
    double intercept,
    double rSquared,
    Double adjustedRSquared,
    double rmse,
    double mae,
    Double cvRmse,
    Double nmbe,
    Map<String, Double> pValues,
    Map<String, DriverRange> featureRanges,
    Validity validity,
    Map<String, Object> dataSufficiency,
    List<String> droppedDrivers,
    boolean isActive,
    Instant createdAt) {

  /** A driver over the training hours, in its unit; {@code std} is the sample deviation. */
  public record DriverRange(double min, double max, double mean, double std) {}

  /** Whether the model passed the baseline thresholds; {@code reasons} say which it failed. */
  public record Validity(boolean valid, List<String> reasons, List<String> warnings) {}
}
