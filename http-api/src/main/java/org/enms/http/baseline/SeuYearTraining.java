package org.enms.http.baseline;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The SEU's ISO 50001 baseline (a daily regression over a calendar year) that {@code train-seu}
 * trains besides the machine's hourly model, so that a voice user who trained "the compressor's
 * baseline" finds its SEU with {@code has_baseline} and can ask for its EnPI.
 */
public interface SeuYearTraining {
  /** Where no ISO 50001 feature is wired: train-seu trains the machine's model only. */
  SeuYearTraining NONE =
      (seuName, energySource, year, trainedBy) ->
          CompletableFuture.completedFuture(Optional.empty());

  /** Empty when no such SEU exists; otherwise the version trained, or why none was. */
  CompletionStage<Optional<SeuYearBaseline>> train(
      String seuName, String energySource, int year, String trainedBy);

  /**
   * {@code seu_baseline} in train-seu's answer.
   *
   * @param trained whether a new active version was stored
   * @param version its version, when trained
   * @param rSquared its R², when trained
   * @param valid whether it passes the baseline gates (CV(RMSE), NMBE), when trained
   * @param message why it was not trained (too few days, no usable variable), when not
   */
  record SeuYearBaseline(
      boolean trained, Integer version, Double rSquared, Boolean valid, String message) {}
}
