package org.enms.analytics.performance;

import java.util.Locale;

/**
 * A verdict of {@link DriftRule}.
 *
 * @param detected the score is above the threshold (and the window held enough hours)
 * @param score degradation score, 0 when the model does as well as in training or better
 * @param threshold the rule's threshold
 * @param type what kind of drift: concept drift when R² itself collapsed, data drift otherwise
 * @param recommendation what to do
 * @param advice the recommendation in words
 */
public record Drift(
    boolean detected,
    double score,
    double threshold,
    Type type,
    Recommendation recommendation,
    String advice) {

  /** The original's drift types. */
  public enum Type {
    NO_DRIFT,
    DATA_DRIFT,
    CONCEPT_DRIFT;

    /** As stored and answered: {@code no_drift}, {@code data_drift}, {@code concept_drift}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What to do about the model. */
  public enum Recommendation {
    OK,
    MONITOR,
    RETRAIN;

    /** As stored and answered: {@code ok}, {@code monitor}, {@code retrain}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
