package org.enms.analytics.forecast;

import java.util.List;

/**
 * A rolling-origin backtest (Tashman 2000): forecasts from origin after origin, each from the
 * history before it only, compared with what happened. Every method sees the same origins and the
 * same targets. Targets are either each step or the sum over the horizon (a day's energy). Several
 * series (the machines of a plant) pool their targets into one figure per method.
 */
public final class Backtest {
  private static final double[] LEVELS = {0.80, 0.95};

  private final List<RegularSeries> series;
  private final int firstOrigin;
  private final int every;
  private final int horizon;

  /**
   * @param firstOrigin index of the first origin; history before it is warm-up only
   * @param every steps between origins
   * @param horizon steps forecast from each origin
   */
  public Backtest(List<RegularSeries> series, int firstOrigin, int every, int horizon) {
    if (firstOrigin < 1 || every < 1 || horizon < 1) {
      throw new IllegalArgumentException("origins and horizon must be positive");
    }
    this.series = List.copyOf(series);
    this.firstOrigin = firstOrigin;
    this.every = every;
    this.horizon = horizon;
  }

  /** Each step of the horizon is a target. */
  public Accuracy steps(Forecaster method) {
    Tally tally = new Tally(method.name());
    for (RegularSeries s : series) {
      NaiveScale scale = new NaiveScale(s, 7 * s.stepsPerDay());
      for (int origin = firstOrigin; origin + horizon <= s.size(); origin += every) {
        Forecast forecast = method.forecast(s, origin, horizon);
        Band[] bands = {forecast.band(LEVELS[0]), forecast.band(LEVELS[1])};
        double naive = scale.before(origin);
        for (int h = 0; h < horizon; h++) {
          double actual = s.value(origin + h);
          if (!Double.isNaN(actual)) {
            tally.add(
                forecast.point(h),
                actual,
                naive,
                bands[0].lower()[h],
                bands[0].upper()[h],
                bands[1].lower()[h],
                bands[1].upper()[h]);
          }
        }
      }
    }
    return tally.accuracy();
  }

  /** The sum over the whole horizon is the target; the horizon must divide a week. */
  public Accuracy totals(Forecaster method) {
    Tally tally = new Tally(method.name());
    for (RegularSeries s : series) {
      int week = 7 * s.stepsPerDay();
      if (week % horizon != 0) {
        throw new IllegalArgumentException("the horizon must divide a week");
      }
      RegularSeriesSums sums = new RegularSeriesSums(s);
      for (int origin = firstOrigin; origin + horizon <= s.size(); origin += every) {
        double actual = sums.sum(origin, origin + horizon);
        if (Double.isNaN(actual)) {
          continue;
        }
        Forecast forecast = method.forecast(s, origin, horizon);
        Total t80 = forecast.total(0, horizon, LEVELS[0]);
        Total t95 = forecast.total(0, horizon, LEVELS[1]);
        tally.add(
            t80.point(),
            actual,
            sums.naiveScale(origin, horizon, week / horizon),
            t80.lower(),
            t80.upper(),
            t95.lower(),
            t95.upper());
      }
    }
    return tally.accuracy();
  }

  /** Running sums of the error measures. */
  private static final class Tally {
    private final String method;
    private int n;
    private double absolutePercent;
    private int percentTargets;
    private double scaled;
    private int scaledTargets;
    private int inside80;
    private int inside95;
    private double width80;
    private double width95;
    private double actuals;

    Tally(String method) {
      this.method = method;
    }

    void add(
        double point,
        double actual,
        double naive,
        double lower80,
        double upper80,
        double lower95,
        double upper95) {
      n++;
      double error = Math.abs(actual - point);
      if (actual > 0) {
        absolutePercent += error / actual;
        percentTargets++;
      }
      if (naive > 0) {
        scaled += error / naive;
        scaledTargets++;
      }
      inside80 += actual >= lower80 && actual <= upper80 ? 1 : 0;
      inside95 += actual >= lower95 && actual <= upper95 ? 1 : 0;
      width80 += upper80 - lower80;
      width95 += upper95 - lower95;
      actuals += actual;
    }

    Accuracy accuracy() {
      double meanActual = actuals / n;
      return new Accuracy(
          method,
          n,
          100 * absolutePercent / percentTargets,
          scaled / scaledTargets,
          (double) inside80 / n,
          (double) inside95 / n,
          width80 / n / meanActual,
          width95 / n / meanActual);
    }
  }

  /** In-sample MAE of the naive forecast at a lag, for any prefix of the series. */
  private static final class NaiveScale {
    private final double[] cumulative;
    private final int[] counts;

    NaiveScale(RegularSeries series, int lag) {
      cumulative = new double[series.size() + 1];
      counts = new int[series.size() + 1];
      for (int t = 0; t < series.size(); t++) {
        double d = t >= lag ? Math.abs(series.value(t) - series.value(t - lag)) : Double.NaN;
        boolean known = !Double.isNaN(d);
        cumulative[t + 1] = cumulative[t] + (known ? d : 0);
        counts[t + 1] = counts[t] + (known ? 1 : 0);
      }
    }

    /** Over the steps before {@code origin}; 0 when there is no pair yet. */
    double before(int origin) {
      return counts[origin] == 0 ? 0 : cumulative[origin] / counts[origin];
    }
  }

  /** Sums over ranges of a series, missing when any step is. */
  private static final class RegularSeriesSums {
    private final RegularSeries series;
    private final double[] cumulative;
    private final int[] missing;

    RegularSeriesSums(RegularSeries series) {
      this.series = series;
      cumulative = new double[series.size() + 1];
      missing = new int[series.size() + 1];
      for (int t = 0; t < series.size(); t++) {
        double v = series.value(t);
        cumulative[t + 1] = cumulative[t] + (Double.isNaN(v) ? 0 : v);
        missing[t + 1] = missing[t] + (Double.isNaN(v) ? 1 : 0);
      }
    }

    double sum(int from, int to) {
      if (from < 0 || to > series.size() || missing[to] != missing[from]) {
        return Double.NaN;
      }
      return cumulative[to] - cumulative[from];
    }

    /**
     * In-sample MAE of the seasonal-naive forecast of {@code length}-step sums ending before {@code
     * origin}, {@code lag} sums apart; 0 without any pair.
     */
    double naiveScale(int origin, int length, int lag) {
      double total = 0;
      int n = 0;
      for (int end = origin; end - (lag + 1) * length >= 0; end -= length) {
        double now = sum(end - length, end);
        double before = sum(end - (lag + 1) * length, end - lag * length);
        if (!Double.isNaN(now) && !Double.isNaN(before)) {
          total += Math.abs(now - before);
          n++;
        }
      }
      return n == 0 ? 0 : total / n;
    }
  }
}
