package org.enms.analytics.forecast;

/** One method's point forecasts. */
interface PointForecaster {
  /**
   * Forecasts the steps {@code origin … origin + point.length − 1} from the values before {@code
   * origin} only.
   *
   * @param point filled with the forecasts
   */
  void forecast(RegularSeries series, int origin, double[] point);

  /** What the method is, in words, for the API's {@code method} field. */
  String description();
}
