package org.enms.analytics.forecast;

/**
 * The textbook reference for weekly data: each step as it was a week earlier (the latest known week
 * for steps further ahead). Printed beside the others in the backtest so that "better than the
 * moving average" can be read against a fair benchmark too.
 */
final class SeasonalNaive implements PointForecaster {
  @Override
  public String description() {
    return "seasonal naive (same step a week earlier)";
  }

  @Override
  public void forecast(RegularSeries series, int origin, double[] point) {
    int week = 7 * series.stepsPerDay();
    double fallback = SeasonalProfile.recentLevel(series, origin);
    for (int h = 0; h < point.length; h++) {
      int i = origin + h - week;
      while (i >= origin) {
        i -= week;
      }
      double v = i >= 0 ? series.value(i) : Double.NaN;
      point[h] = Double.isNaN(v) ? (Double.isNaN(fallback) ? 0 : fallback) : v;
    }
  }
}
