package org.enms.analytics.baseline;

import java.time.Instant;
import java.util.List;

/**
 * A trained baseline with its evidence.
 *
 * @param firstHour start of the earliest hour used
 * @param lastHour start of the latest hour used
 * @param droppedDrivers requested drivers left out, each with the reason
 */
public record TrainingResult(
    BaselineModel model,
    FitQuality quality,
    DataSufficiency sufficiency,
    Validity validity,
    Instant firstHour,
    Instant lastHour,
    List<String> droppedDrivers) {
  public TrainingResult {
    droppedDrivers = List.copyOf(droppedDrivers);
  }
}
