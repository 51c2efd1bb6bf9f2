package org.enms.analytics.performance;

/**
 * How well a model's expectations matched what happened, hour by hour, over a window it was not
 * necessarily trained on.
 *
 * @param sampleCount hours compared
 * @param rSquared 1 − SSE/SST over the window; null when the actual values do not vary (R² is
 *     undefined then, and a constant window says nothing about the model's fit)
 * @param rmse √(SSE/n), kWh, as the training's RMSE is reported
 * @param mae mean absolute error, kWh
 * @param mape mean absolute percentage error, %, over the hours whose actual value is above zero;
 *     null when there is none
 * @param biasKwh mean of actual − expected, kWh: above zero the machine uses more than expected
 * @param meanActualKwh mean actual value, kWh
 */
public record ModelAccuracy(
    int sampleCount,
    Double rSquared,
    double rmse,
    double mae,
    Double mape,
    double biasKwh,
    double meanActualKwh) {

  /**
   * The accuracy of {@code expected} against {@code actual}, pairwise.
   *
   * @throws IllegalArgumentException when the arrays differ in length or are empty
   */
  public static ModelAccuracy of(double[] actual, double[] expected) {
    if (actual.length != expected.length) {
      throw new IllegalArgumentException(
          actual.length + " actual values but " + expected.length + " expected ones");
    }
    int n = actual.length;
    if (n == 0) {
      throw new IllegalArgumentException("no hours to compare");
    }
    double mean = 0;
    for (double a : actual) {
      mean += a;
    }
    mean /= n;
    double sse = 0;
    double sae = 0;
    double bias = 0;
    double sst = 0;
    double sape = 0;
    int positive = 0;
    for (int i = 0; i < n; i++) {
      double residual = actual[i] - expected[i];
      sse += residual * residual;
      sae += Math.abs(residual);
      bias += residual;
      sst += (actual[i] - mean) * (actual[i] - mean);
      if (actual[i] > 0) {
        sape += Math.abs(residual) / actual[i];
        positive++;
      }
    }
    return new ModelAccuracy(
        n,
        sst == 0 ? null : 1 - sse / sst,
        Math.sqrt(sse / n),
        sae / n,
        positive == 0 ? null : sape / positive * 100,
        bias / n,
        mean);
  }
}
