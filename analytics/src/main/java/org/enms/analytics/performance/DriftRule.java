package org.enms.analytics.performance;

/**
 * When a model's accuracy on recent data has degraded enough from its training fit to call it
 * drift. The score is the original's: 0.6 · ΔR² + 0.4 · ΔRMSE / RMSE_training, but only degradation
 * counts (the original took absolute differences, so a model doing better than in training was
 * flagged for retraining too), and it is taken against the training fit rather than against the
 * model's first month of evaluations (which a model evaluated only after it drifted would never
 * see).
 *
 * @param threshold score above which the model has drifted (the original: 0.1)
 * @param minSamples fewest hours a window must hold to be judged at all
 */
public record DriftRule(double threshold, int minSamples) {
  /** R² weight in the score. */
  static final double R_SQUARED_WEIGHT = 0.6;

  /** RMSE weight in the score. */
  static final double RMSE_WEIGHT = 0.4;

  /** R² loss above which a drift is the relationship itself changing (the original's 0.15). */
  static final double CONCEPT_DRIFT_R_SQUARED_LOSS = 0.15;

  /** The original's threshold, and a day of hours to judge. */
  public static final DriftRule DEFAULT = new DriftRule(0.1, 24);

  public DriftRule {
    if (!(threshold > 0)) {
      throw new IllegalArgumentException("drift threshold must be above 0, was " + threshold);
    }
    if (minSamples < 2) {
      throw new IllegalArgumentException("at least 2 hours are needed to judge, was " + minSamples);
    }
  }

  /**
   * The verdict on {@code recent} accuracy of a model that fitted its training data as {@code fit}.
   */
  public Drift assess(ModelAccuracy recent, TrainingFit fit) {
    double r2Loss = recent.rSquared() == null ? 0 : Math.max(0, fit.rSquared() - recent.rSquared());
    double rmseGrowth = fit.rmse() > 0 ? Math.max(0, recent.rmse() - fit.rmse()) / fit.rmse() : 0;
    double score = R_SQUARED_WEIGHT * r2Loss + RMSE_WEIGHT * rmseGrowth;
    if (recent.sampleCount() < minSamples) {
      return new Drift(
          false,
          score,
          threshold,
          Drift.Type.NO_DRIFT,
          Drift.Recommendation.MONITOR,
          "Only "
              + recent.sampleCount()
              + " hours to judge (at least "
              + minSamples
              + " needed); keep monitoring");
    }
    if (score > threshold) {
      Drift.Type type =
          r2Loss > CONCEPT_DRIFT_R_SQUARED_LOSS ? Drift.Type.CONCEPT_DRIFT : Drift.Type.DATA_DRIFT;
      return new Drift(
          true,
          score,
          threshold,
          type,
          Drift.Recommendation.RETRAIN,
          "Accuracy has degraded beyond the threshold; retrain the model on recent data");
    }
    if (score > threshold / 2) {
      return new Drift(
          false,
          score,
          threshold,
          Drift.Type.NO_DRIFT,
          Drift.Recommendation.MONITOR,
          "Accuracy is degrading but within the threshold; keep monitoring");
    }
    return new Drift(
        false,
        score,
        threshold,
        Drift.Type.NO_DRIFT,
        Drift.Recommendation.OK,
        "Model performing within acceptable range");
  }
}
