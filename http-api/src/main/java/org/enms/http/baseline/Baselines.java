package org.enms.http.baseline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.baseline.TrainingSpec;

/**
 * Energy baselines: training over any stored period (live or imported), the stored versions, and
 * prediction with the active one. Stages fail with {@link BaselineRefused} for an unknown machine
 * or energy source, a model that cannot be trained, or none active.
 */
public interface Baselines {
  /**
   * Trains a baseline on the machine's hours in {@code [start, end)} and makes it the active
   * version.
   *
   * @param spec drivers (empty for the defaults), model type (null to choose) and calendar
   * @param minDays fewest distinct days with data the period must hold (0: no such rule)
   */
  CompletionStage<BaselineView> train(
      UUID machineId,
      String energySource,
      Instant start,
      Instant end,
      TrainingSpec spec,
      int minDays);

  /** The machine's models, newest version first; of one energy source when given. */
  CompletionStage<List<BaselineView>> models(UUID machineId, Optional<String> energySource);

  CompletionStage<Optional<BaselineView>> model(UUID id);

  /**
   * The active model's expectation for one hour; {@code features} by driver or alias name.
   *
   * @param hour start of the hour predicted, null when not given: a model with hour-of-week or
   *     calendar terms then predicts the current hour, a driver regression fills calendar drivers
   *     with their training means as before
   */
  CompletionStage<BaselinePrediction> predict(
      UUID machineId, String energySource, Map<String, Double> features, Instant hour);

  /** The SEU of that name (and energy source, when given), if any. */
  CompletionStage<Optional<SeuTarget>> seu(String name, Optional<String> energySource);
}
