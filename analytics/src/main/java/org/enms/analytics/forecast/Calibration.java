package org.enms.analytics.forecast;

/**
 * Rolling-origin runs of a method over the days before an origin: for each of the last {@value
 * #DAYS} days, the forecast it would have made at the same time of day and over the same horizon,
 * from what was known then. Those runs' errors make the prediction intervals honest: they measure
 * the method on this series, at this lead time, out of sample.
 */
final class Calibration {
  /** Days of runs behind each forecast: eight weeks, so each weekday appears eight times. */
  static final int DAYS = 56;

  /** Days of history a run needs before its origin. */
  static final int MIN_HISTORY_DAYS = 1;

  private Calibration() {}

  /**
   * The runs, index {@code d − 1} for the run {@code d} days back; null where none was possible.
   */
  static Run[] runs(PointForecaster method, RegularSeries series, int origin, int horizon) {
    int[] origins = origins(series, origin);
    Run[] runs = new Run[DAYS];
    for (int d = 0; d < DAYS; d++) {
      if (origins[d] >= 0) {
        double[] point = new double[horizon];
        method.forecast(series, origins[d], point);
        runs[d] = new Run(point, actual(series, origins[d], horizon, origin));
      }
    }
    return runs;
  }

  /**
   * The runs' origins, index {@code d − 1} for {@code d} days back; −1 where a run is impossible
   * (less than a day of history before it, or nothing known in the week before it).
   */
  static int[] origins(RegularSeries series, int origin) {
    int perDay = series.stepsPerDay();
    int[] origins = new int[DAYS];
    for (int d = 1; d <= DAYS; d++) {
      int runOrigin = origin - d * perDay;
      boolean possible =
          runOrigin >= MIN_HISTORY_DAYS * perDay && hasKnown(series, runOrigin, 7 * perDay);
      origins[d - 1] = possible ? runOrigin : -1;
    }
    return origins;
  }

  /** Values of the run's steps, unknown from {@code known} on. */
  static double[] actual(RegularSeries series, int from, int horizon, int known) {
    double[] actual = new double[horizon];
    for (int h = 0; h < horizon; h++) {
      int i = from + h;
      actual[h] = i < known && i < series.size() ? series.value(i) : Double.NaN;
    }
    return actual;
  }

  /**
   * Mean absolute error of the runs over their known steps, the run {@code d} days back weighing
   * {@code 0.5^((d − 1) / halfLife)} (0: all alike); infinite without any known step.
   */
  static double meanAbsoluteError(Run[] runs, double halfLife) {
    double sum = 0;
    double n = 0;
    for (int d = 0; d < runs.length; d++) {
      Run run = runs[d];
      if (run == null) {
        continue;
      }
      double w = halfLife > 0 ? Math.pow(0.5, d / halfLife) : 1;
      for (int h = 0; h < run.point().length; h++) {
        double a = run.actual()[h];
        if (!Double.isNaN(a)) {
          sum += w * Math.abs(a - run.point()[h]);
          n += w;
        }
      }
    }
    return n == 0 ? Double.POSITIVE_INFINITY : sum / n;
  }

  private static boolean hasKnown(RegularSeries series, int before, int steps) {
    for (int i = Math.max(0, before - steps); i < before; i++) {
      if (!Double.isNaN(series.value(i))) {
        return true;
      }
    }
    return false;
  }
}
