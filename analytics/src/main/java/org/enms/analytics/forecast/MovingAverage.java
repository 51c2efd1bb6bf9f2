package org.enms.analytics.forecast;

import java.util.Arrays;

/**
 * The original EnMS's "tomorrow" forecast, kept as the yardstick: the mean of the last seven days,
 * the same for every step (the original spoke of the daily total, the mean of seven daily sums,
 * which is this mean times the steps of a day).
 */
final class MovingAverage implements PointForecaster {
  static final int DAYS = 7;

  @Override
  public String description() {
    return "7-day moving average";
  }

  @Override
  public void forecast(RegularSeries series, int origin, double[] point) {
    double mean = mean(series, origin);
    Arrays.fill(point, Double.isNaN(mean) ? 0 : mean);
  }

  private static double mean(RegularSeries series, int origin) {
    double sum = 0;
    int n = 0;
    for (int i = Math.max(0, origin - DAYS * series.stepsPerDay()); i < origin; i++) {
      double v = series.value(i);
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
