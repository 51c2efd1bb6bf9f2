package org.enms.http.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /baseline/predict}: the active model's expected energy for one hour. {@code seu_name}
 * and {@code energy_source} are sent only when the request named an SEU, {@code message} and {@code
 * energy_unit} only when it asked for the message.
 *
 * @param features the driver values used, defaults included, by driver
 * @param predictedEnergyKwh kWh, to 2 decimals
 * @param energySource as the request gave it
 */
public record PredictionResponse(
    UUID machineId,
    @JsonInclude(Include.NON_NULL) String seuName,
    @JsonInclude(Include.NON_NULL) String energySource,
    int modelVersion,
    Map<String, Double> features,
    double predictedEnergyKwh,
    List<String> warnings,
    @JsonInclude(Include.NON_NULL) String message,
    @JsonInclude(Include.NON_NULL) String energyUnit) {}
