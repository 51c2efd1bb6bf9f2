package org.enms.analytics.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Point forecasts for the steps from {@code start}, with the runs that calibrate their intervals
 * (see {@link Calibration}). Intervals are asked for at any level: each is built from the runs'
 * errors, so its coverage is what the method achieved on this series at this lead time.
 */
public final class Forecast {
  /** Errors per level bin of a step interval, at least; fewer errors make fewer bins. */
  static final int ERRORS_PER_BIN = 100;

  /** At most this many level bins. */
  static final int MAX_BINS = 4;

  private final String method;
  private final Instant start;
  private final Duration step;
  private final double[] point;
  private final Run[] runs;
  private final boolean nonNegative;

  Forecast(
      String method,
      Instant start,
      Duration step,
      double[] point,
      Run[] runs,
      boolean nonNegative) {
    this.method = method;
    this.start = start;
    this.step = step;
    this.point = point;
    this.runs = runs;
    this.nonNegative = nonNegative;
  }

  /** What produced it, in words. */
  public String method() {
    return method;
  }

  public int steps() {
    return point.length;
  }

  public Instant start() {
    return start;
  }

  public Duration step() {
    return step;
  }

  /** Start of step {@code h}. */
  public Instant time(int h) {
    return start.plus(step.multipliedBy(h));
  }

  public double point(int h) {
    return point[h];
  }

  /** Past runs whose errors calibrate the intervals. */
  public int calibrationRuns() {
    return (int) Arrays.stream(runs).filter(r -> r != null).count();
  }

  /**
   * The interval of every step at {@code level}. The runs' errors are grouped by the level of their
   * forecast (up to {@value #MAX_BINS} bins of equal count, Mondrian conformal), so a quiet night
   * gets a narrower interval than a busy shift, and each bin's coverage holds on its own.
   */
  public Band band(double level) {
    double[][] pairs = errorsByForecast();
    int n = pairs.length;
    int bins = Math.max(1, Math.min(MAX_BINS, n / ERRORS_PER_BIN));
    double[] upperEdges = new double[bins];
    double[][] bounds = new double[bins][];
    for (int b = 0; b < bins; b++) {
      int from = b * n / bins;
      int to = (b + 1) * n / bins;
      double[] errors = new double[to - from];
      for (int i = from; i < to; i++) {
        errors[i - from] = pairs[i][1];
      }
      upperEdges[b] = to < n ? pairs[to][0] : Double.POSITIVE_INFINITY;
      bounds[b] = Conformal.bounds(errors, errors.length, level, typicalError());
    }
    double[] lower = new double[point.length];
    double[] upper = new double[point.length];
    for (int h = 0; h < point.length; h++) {
      int b = 0;
      while (b < bins - 1 && point[h] >= upperEdges[b]) {
        b++;
      }
      lower[h] = floor(point[h] + bounds[b][0]);
      upper[h] = Math.max(lower[h], point[h] + bounds[b][1]);
    }
    return new Band(level, lower, upper);
  }

  /** (forecast, error) of every known step of the runs, by forecast. */
  private double[][] errorsByForecast() {
    int capacity = 0;
    for (Run run : runs) {
      capacity += run == null ? 0 : run.point().length;
    }
    double[][] pairs = new double[capacity][];
    int n = 0;
    for (Run run : runs) {
      if (run == null) {
        continue;
      }
      for (int h = 0; h < run.point().length; h++) {
        double a = run.actual()[h];
        if (!Double.isNaN(a)) {
          pairs[n++] = new double[] {run.point()[h], a - run.point()[h]};
        }
      }
    }
    pairs = Arrays.copyOf(pairs, n);
    Arrays.sort(pairs, Comparator.comparingDouble(p -> p[0]));
    return pairs;
  }

  /**
   * The standard deviation assumed without any run: the mean forecast itself, so an interval
   * without evidence is wide rather than falsely narrow.
   */
  private double typicalError() {
    double sum = 0;
    for (double p : point) {
      sum += Math.abs(p);
    }
    return point.length == 0 ? 0 : sum / point.length;
  }

  /** The sum over steps {@code [from, to)} and its interval from the runs' errors of that sum. */
  public Total total(int from, int to, double level) {
    double sum = 0;
    for (int h = from; h < to; h++) {
      sum += point[h];
    }
    double[] errors = new double[runs.length];
    int n = 0;
    for (Run run : runs) {
      double[] sums = sums(run, from, to);
      if (sums != null) {
        errors[n++] = sums[1] - sums[0];
      }
    }
    double[] bounds = Conformal.bounds(errors, n, level, Math.abs(sum));
    double lower = floor(sum + bounds[0]);
    return new Total(sum, lower, Math.max(lower, sum + bounds[1]), level);
  }

  /**
   * How far off the sum over {@code [from, to)} was in the runs: Σ|error| / Σ actual (the weighted
   * absolute percentage error, as a fraction); NaN without a run that knows the whole range.
   */
  public double totalError(int from, int to) {
    double errors = 0;
    double actuals = 0;
    for (Run run : runs) {
      double[] sums = sums(run, from, to);
      if (sums != null) {
        errors += Math.abs(sums[1] - sums[0]);
        actuals += Math.abs(sums[1]);
      }
    }
    return actuals == 0 ? Double.NaN : errors / actuals;
  }

  /** Forecast and actual summed over the range; null unless every step is known. */
  private static double[] sums(Run run, int from, int to) {
    if (run == null) {
      return null;
    }
    double[] sums = new double[2];
    for (int h = from; h < to; h++) {
      double a = run.actual()[h];
      if (Double.isNaN(a)) {
        return null;
      }
      sums[0] += run.point()[h];
      sums[1] += a;
    }
    return sums;
  }

  private double floor(double value) {
    return nonNegative ? Math.max(0, value) : value;
  }

  /**
   * The forecast of a sum of series (a factory from its machines), made at the same origin over the
   * same steps. Its runs are the sums of theirs, so its intervals measure the errors of the total
   * rather than adding up each machine's worst case.
   */
  public static Forecast sum(String method, List<Forecast> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to sum");
    }
    Forecast first = parts.get(0);
    int steps = first.point.length;
    double[] point = new double[steps];
    Run[] runs = new Run[first.runs.length];
    for (int d = 0; d < runs.length; d++) {
      runs[d] = new Run(new double[steps], new double[steps]);
    }
    boolean nonNegative = true;
    for (Forecast part : parts) {
      if (part.point.length != steps
          || !part.start.equals(first.start)
          || !part.step.equals(first.step)
          || part.runs.length != runs.length) {
        throw new IllegalArgumentException("forecasts of different steps cannot be summed");
      }
      nonNegative &= part.nonNegative;
      for (int h = 0; h < steps; h++) {
        point[h] += part.point[h];
      }
      for (int d = 0; d < runs.length; d++) {
        Run total = runs[d];
        Run run = part.runs[d];
        if (total == null) {
          continue;
        }
        if (run == null) {
          runs[d] = null;
          continue;
        }
        for (int h = 0; h < steps; h++) {
          total.point()[h] += run.point()[h];
          total.actual()[h] += run.actual()[h];
        }
      }
    }
    return new Forecast(method, first.start, first.step, point, runs, nonNegative);
  }
}
