package org.enms.http.modelperf;

import org.enms.analytics.performance.ModelAccuracy;
import org.enms.analytics.performance.TrainingFit;

/**
 * Accuracy figures as answered: a window's ({@code current_performance}) or the training's ({@code
 * baseline_performance}, without MAPE and bias, which training does not report).
 *
 * @param mape %, null without an hour of consumption
 * @param biasKwh mean actual − expected, kWh
 * @param sampleCount hours compared
 */
public record Performance(
    Double rSquared, Double rmse, Double mae, Double mape, Double biasKwh, Integer sampleCount) {

  static Performance of(ModelAccuracy a) {
    return new Performance(a.rSquared(), a.rmse(), a.mae(), a.mape(), a.biasKwh(), a.sampleCount());
  }

  static Performance of(TrainingFit fit, int trainingSamples) {
    return new Performance(fit.rSquared(), fit.rmse(), fit.mae(), null, null, trainingSamples);
  }
}
