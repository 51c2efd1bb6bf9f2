package org.enms.analytics.baseline;

import java.util.List;
import java.util.Map;

/**
 * A baseline's expected energy for given driver values.
 *
 * @param energyKwh expected electricity for one hour, kWh, never negative
 * @param features the driver values used, including defaults filled in
 * @param warnings filled-in defaults and values outside the training range
 */
public record Prediction(double energyKwh, Map<String, Double> features, List<String> warnings) {
  public Prediction {
    features = Map.copyOf(features);
    warnings = List.copyOf(warnings);
  }
}
