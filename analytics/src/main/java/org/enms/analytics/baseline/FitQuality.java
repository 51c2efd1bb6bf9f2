package org.enms.analytics.baseline;

import java.util.Map;

/**
 * In-sample goodness of fit of a baseline, by the formulas of ASHRAE Guideline 14 (p = number of
 * parameters including the intercept).
 *
 * @param rSquared coefficient of determination
 * @param adjustedRSquared R² adjusted for the number of drivers
 * @param rmse root mean squared residual, kWh (√(SSE/n), as the original reported it)
 * @param mae mean absolute residual, kWh
 * @param cvRmsePercent CV(RMSE) = √(SSE/(n−p)) / ȳ · 100
 * @param nmbePercent NMBE = Σ(y−ŷ) / ((n−p)·ȳ) · 100
 * @param residualStd standard error of the residuals √(SSE/(n−p)), kWh; scales anomaly z-scores
 * @param modelPValue p-value of the model's F-test, or null when it cannot be computed
 * @param pValues two-sided t-test p-value per driver
 */
public record FitQuality(
    double rSquared,
    double adjustedRSquared,
    double rmse,
    double mae,
    double cvRmsePercent,
    double nmbePercent,
    double residualStd,
    Double modelPValue,
    Map<String, Double> pValues) {
  public FitQuality {
    pValues = Map.copyOf(pValues);
  }

  /**
   * The fit of {@code predicted} to {@code y} by the formulas above.
   *
   * @param parameters p, the model's parameters including the intercept
   */
  public static FitQuality of(
      double[] y,
      double[] predicted,
      int parameters,
      Double modelPValue,
      Map<String, Double> pValues) {
    int n = y.length;
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double sse = 0;
    double sae = 0;
    double bias = 0;
    double sst = 0;
    for (int i = 0; i < n; i++) {
      double residual = y[i] - predicted[i];
      sse += residual * residual;
      sae += Math.abs(residual);
      bias += residual;
      sst += (y[i] - mean) * (y[i] - mean);
    }
    int dof = Math.max(1, n - parameters);
    double rSquared = sst == 0 ? 0 : 1 - sse / sst;
    double adjusted = 1 - (1 - rSquared) * (n - 1) / dof;
    double residualStd = Math.sqrt(sse / dof);
    double cvRmse = mean == 0 ? Double.POSITIVE_INFINITY : residualStd / mean * 100;
    double nmbe = mean == 0 ? Double.POSITIVE_INFINITY : bias / (dof * mean) * 100;
    return new FitQuality(
        rSquared,
        adjusted,
        Math.sqrt(sse / n),
        sae / n,
        cvRmse,
        nmbe,
        residualStd,
        modelPValue,
        pValues);
  }
}
