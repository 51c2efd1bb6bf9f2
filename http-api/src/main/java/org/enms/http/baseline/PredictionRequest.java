package org.enms.http.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/**
 * {@code POST /baseline/predict}: a machine, or an SEU by name and energy source. Strings are
 * trimmed.
 *
 * @param features driver (or measurement) name to value, free-form: read as a tree so that a value
 *     that is not a number is named in the problem, as the original does
 */
public record PredictionRequest(
    UUID machineId, String seuName, String energySource, JsonNode features, Boolean includeMessage)
    implements Validated {

  public PredictionRequest {
    seuName = TrainingRequest.trim(seuName);
    energySource = TrainingRequest.trim(energySource);
    includeMessage = includeMessage != null && includeMessage;
  }

  @Override
  public void validate(Violations v) {
    v.notBlank("seu_name", seuName);
    v.notBlank("energy_source", energySource);
    // As the original: the fields first, then the first problem with features, then the target.
    if (!v.isEmpty() || !featuresValid(v)) {
      return;
    }
    if (machineId == null && (seuName == null || energySource == null)) {
      v.invalid(null, "Either machine_id or both seu_name and energy_source must be provided");
    }
  }

  private boolean featuresValid(Violations v) {
    if (features == null || features.isNull()) {
      return true;
    }
    if (!features.isObject()) {
      v.invalid("features", "value is not a valid dict");
      return false;
    }
    for (var f : features.properties()) {
      if (!f.getValue().isNumber()) {
        v.invalid("features", f.getKey() + ": value is not a valid number");
        return false;
      }
    }
    return true;
  }

  /** The features by name, in the order given; empty when none were. */
  Map<String, Double> featureValues() {
    Map<String, Double> values = new LinkedHashMap<>();
    if (features != null && features.isObject()) {
      features.properties().forEach(f -> values.put(f.getKey(), f.getValue().asDouble()));
    }
    return values;
  }
}
