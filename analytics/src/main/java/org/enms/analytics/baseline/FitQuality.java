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
}
