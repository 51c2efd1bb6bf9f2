package org.enms.http.baseline;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.enms.http.support.JsonSupport;

/**
 * How well a model fits, as every model response shows it (unwrapped into the response): R² and the
 * errors to 4 decimals, CV(RMSE) and NMBE (%) to 2; the store keeps full precision.
 *
 * @param rmse kWh
 * @param mae kWh
 * @param cvRmse %, null for models stored before it was kept
 * @param nmbe %, null likewise
 */
public record FitMetrics(
    double rSquared,
    // The naming strategy would write adjusted_rsquared.
    @JsonProperty("adjusted_r_squared") Double adjustedRSquared,
    double rmse,
    double mae,
    Double cvRmse,
    Double nmbe) {

  static FitMetrics of(BaselineView m) {
    return new FitMetrics(
        JsonSupport.round(m.rSquared(), 4),
        round(m.adjustedRSquared(), 4),
        JsonSupport.round(m.rmse(), 4),
        JsonSupport.round(m.mae(), 4),
        round(m.cvRmse(), 2),
        round(m.nmbe(), 2));
  }

  static Double round(Double value, int decimals) {
    return value == null ? null : JsonSupport.round(value, decimals);
  }
}
