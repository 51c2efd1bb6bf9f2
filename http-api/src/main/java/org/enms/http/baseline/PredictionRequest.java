package org.enms.http.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.enms.http.support.QueryParams;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/**
 * {@code POST /baseline/predict}: a machine, or an SEU by name and energy source. Strings are
 * trimmed.
 *
 * @param features driver (or measurement) name to value, free-form: read as a tree so that a value
 *     that is not a number is named in the problem, as the original does
 * @param timestamp the hour predicted, in any form the query parameters accept; absent for the
 *     current hour (needed by time-of-week models, which have a level per hour of the week)
 */
public record PredictionRequest(
    UUID machineId,
    String seuName,
    String energySource,
    JsonNode features,
    Boolean includeMessage,
    String timestamp)
    implements Validated {

  public PredictionRequest {
    seuName = TrainingRequest.trim(seuName);
    energySource = TrainingRequest.trim(energySource);
    includeMessage = includeMessage != null && includeMessage;
    timestamp = TrainingRequest.trim(timestamp);
  }

  /** Start of the hour asked for, or null when none was. */
  Instant hour() {
    return timestamp == null
        ? null
        : QueryParams.instant("timestamp", timestamp).truncatedTo(ChronoUnit.HOURS);
  }

  @Override
  public void validate(Violations v) {
    v.notBlank("seu_name", seuName);
    v.notBlank("energy_source", energySource);
    if (timestamp != null) {
      TrainingRequest.datetime(v, "timestamp", timestamp);
    }
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
