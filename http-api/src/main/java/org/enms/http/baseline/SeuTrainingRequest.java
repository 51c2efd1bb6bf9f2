package org.enms.http.baseline;

import java.util.List;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/**
 * {@code POST /baseline/train-seu}, as the voice client sends it: trains on the calendar year
 * (UTC). Strings are trimmed.
 *
 * @param energySource as the client says it ({@code energy} for electricity included)
 * @param features driver names or aliases; empty for the defaults
 */
public record SeuTrainingRequest(
    String seuName, String energySource, List<String> features, Integer year) implements Validated {

  public SeuTrainingRequest {
    seuName = TrainingRequest.trim(seuName);
    energySource = TrainingRequest.trim(energySource);
    features = features == null ? List.of() : features;
  }

  @Override
  public void validate(Violations v) {
    v.name("seu_name", seuName);
    v.name("energy_source", energySource);
    TrainingRequest.names(v, "features", features);
    if (v.required("year", year)) {
      v.between("year", year, 2000, 2100);
    }
  }
}
