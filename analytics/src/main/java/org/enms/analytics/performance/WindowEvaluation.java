package org.enms.analytics.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.enms.analytics.baseline.BaselineModel;
import org.enms.analytics.baseline.HourlySample;

/**
 * A baseline's accuracy over the hours of one window: each hour's actual energy against what the
 * model expects for it from that hour's drivers.
 *
 * @param accuracy over the hours the model could judge; empty when there were none
 * @param hoursInWindow hours the window spans
 * @param dataCompleteness share of those hours the model could judge, 0 to 1 (an hour without
 *     roll-ups, or without a driver the model needs, cannot be judged)
 * @param outlierPercent share of judged hours whose residual exceeds three of the model's training
 *     residual standard errors, %; 0 when none were judged
 */
public record WindowEvaluation(
    Optional<ModelAccuracy> accuracy,
    int hoursInWindow,
    double dataCompleteness,
    double outlierPercent) {

  /** Residuals beyond this many training standard errors are outliers. */
  static final double OUTLIER_SIGMAS = 3;

  /**
   * Evaluates {@code model} on {@code hours}, the roll-ups of a window of {@code hoursInWindow}
   * hours.
   */
  public static WindowEvaluation of(
      BaselineModel model, List<HourlySample> hours, int hoursInWindow) {
    List<double[]> pairs = new ArrayList<>();
    for (HourlySample h : hours) {
      model.expected(h).ifPresent(e -> pairs.add(new double[] {h.energyKwh(), e}));
    }
    int n = pairs.size();
    if (n == 0) {
      return new WindowEvaluation(Optional.empty(), hoursInWindow, 0, 0);
    }
    double[] actual = new double[n];
    double[] expected = new double[n];
    int outliers = 0;
    for (int i = 0; i < n; i++) {
      actual[i] = pairs.get(i)[0];
      expected[i] = pairs.get(i)[1];
      if (model.residualStd() > 0
          && Math.abs(actual[i] - expected[i]) > OUTLIER_SIGMAS * model.residualStd()) {
        outliers++;
      }
    }
    double completeness = hoursInWindow <= 0 ? 0 : Math.min(1, (double) n / hoursInWindow);
    return new WindowEvaluation(
        Optional.of(ModelAccuracy.of(actual, expected)),
        hoursInWindow,
        completeness,
        100.0 * outliers / n);
  }
}
