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
 * @param featureRanges per driver: min, max, mean, std over the training hours
 * @param validity {@code valid}, {@code reasons}, {@code warnings}
 * @param dataSufficiency samples, expected hours and the share present
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
    Map<String, ?> featureRanges,
    Map<String, ?> validity,
    Map<String, ?> dataSufficiency,
    List<String> droppedDrivers,
    boolean isActive,
    Instant createdAt) {}
