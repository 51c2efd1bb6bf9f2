package org.enms.analytics.performance;

/**
 * A model's fit on its own training data, the reference its later accuracy is judged against.
 *
 * @param rSquared in-sample R²
 * @param rmse in-sample RMSE, kWh
 * @param mae in-sample MAE, kWh
 */
public record TrainingFit(double rSquared, double rmse, double mae) {}
