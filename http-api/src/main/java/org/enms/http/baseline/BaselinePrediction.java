package org.enms.http.baseline;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A baseline's expected energy for one hour under given conditions.
 *
 * @param features the driver values used, defaults included
 * @param predictedEnergyKwh kWh, never negative
 * @param warnings defaults filled in and inputs outside the training range
 */
public record BaselinePrediction(
    UUID machineId,
    int modelVersion,
    Map<String, Double> features,
    double predictedEnergyKwh,
    List<String> warnings) {}
