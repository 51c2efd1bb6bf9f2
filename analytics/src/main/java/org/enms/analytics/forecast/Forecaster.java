package org.enms.analytics.forecast;

/**
 * A forecasting method with calibrated intervals. Implementations are stateless and thread-safe.
 */
public interface Forecaster {
  /**
   * Forecasts the {@code horizon} steps from {@code origin} (an index of {@code history}, possibly
   * its size) from the values before it.
   */
  Forecast forecast(RegularSeries history, int origin, int horizon);

  /** Short name for tables. */
  String name();

  /** EnMS's method: a seasonal profile chosen per series by its own recent errors. */
  static Forecaster seasonal() {
    return ProfileForecaster.INSTANCE;
  }

  /** The original EnMS's 7-day moving average, the yardstick. */
  static Forecaster movingAverage() {
    return new Single("7-day moving average", new MovingAverage());
  }

  /** Each step as a week earlier: the usual reference for weekly data. */
  static Forecaster seasonalNaive() {
    return new Single("seasonal naive", new SeasonalNaive());
  }

  /** One point method, calibrated on its own runs. */
  record Single(String name, PointForecaster method) implements Forecaster {
    @Override
    public Forecast forecast(RegularSeries history, int origin, int horizon) {
      double[] point = new double[horizon];
      method.forecast(history, origin, point);
      return new Forecast(
          method.description(),
          history.time(origin),
          history.step(),
          point,
          Calibration.runs(method, history, origin, horizon),
          history.nonNegative());
    }
  }
}
