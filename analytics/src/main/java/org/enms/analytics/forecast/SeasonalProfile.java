package org.enms.analytics.forecast;

import java.util.Arrays;

/**
 * The usual value of a step of the day: the median of the same step on the last {@code samples}
 * days of the same kind ({@link DayType}). Medians, so a holiday or a breakdown in the history does
 * not move the forecast; the most recent days, so it follows a plant that changes. Where the kind
 * has no history yet, every day stands in; where the slot has none at all, the last week's mean.
 *
 * <p>Optionally the deviation of the last hour from its own profile carries into the next steps,
 * fading by {@code persistence} per step: a machine running above its usual level now is likely to
 * stay there for a while.
 */
final class SeasonalProfile implements PointForecaster {
  /** How far back the same kind of day is looked for. */
  static final int MAX_LOOKBACK_DAYS = 70;

  private final DayType days;
  private final int samples;
  private final double persistence;

  /**
   * @param samples days of the same kind per slot
   * @param persistence 0 for none, else the share of the last deviation kept per step (0–1)
   */
  SeasonalProfile(DayType days, int samples, double persistence) {
    this.days = days;
    this.samples = samples;
    this.persistence = persistence;
  }

  @Override
  public String description() {
    String text =
        "seasonal profile: median of the last "
            + samples
            + " days of the same kind ("
            + days.description()
            + ")";
    return persistence == 0
        ? text
        : text + ", the last hour's deviation fading by " + persistence + " per step";
  }

  SeasonalProfile withPersistence(double share) {
    return new SeasonalProfile(days, samples, share);
  }

  @Override
  public void forecast(RegularSeries series, int origin, double[] point) {
    carry(point, profile(series, origin, point), persistence);
  }

  /**
   * Fills {@code point} with the plain profile (no persistence) and returns the mean deviation of
   * the hour before {@code origin} from its own profile, 0 when unknown.
   */
  double profile(RegularSeries series, int origin, double[] point) {
    double level = recentLevel(series, origin);
    double[] buffer = new double[samples];
    for (int h = 0; h < point.length; h++) {
      point[h] = usual(series, origin + h, origin, level, buffer);
    }
    return deviation(series, origin, level, buffer);
  }

  /** Adds {@code deviation} to the steps, fading by {@code persistence} per step. */
  static void carry(double[] point, double deviation, double persistence) {
    double carried = deviation;
    for (int h = 0; h < point.length && persistence > 0; h++) {
      carried *= persistence;
      point[h] += carried;
    }
  }

  /** Mean deviation of the hour before {@code origin} from its own profile; 0 when unknown. */
  private double deviation(RegularSeries series, int origin, double level, double[] buffer) {
    int hour = Math.max(1, series.stepsPerDay() / 24);
    double sum = 0;
    int n = 0;
    for (int i = Math.max(0, origin - hour); i < origin; i++) {
      double v = series.value(i);
      if (!Double.isNaN(v)) {
        sum += v - usual(series, i, i, level, buffer);
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  /** The median of step {@code target} over earlier days, from the values before {@code known}. */
  private double usual(RegularSeries series, int target, int known, double level, double[] buffer) {
    int n = collect(series, target, known, days, buffer);
    if (n == 0 && days != DayType.EVERY_DAY) {
      n = collect(series, target, known, DayType.EVERY_DAY, buffer);
    }
    if (n == 0) {
      return Double.isNaN(level) ? 0 : level;
    }
    return median(Arrays.copyOf(buffer, n));
  }

  /** The same step on earlier days of the target's kind, newest first, into {@code buffer}. */
  private static int collect(
      RegularSeries series, int target, int known, DayType kinds, double[] buffer) {
    int perDay = series.stepsPerDay();
    int kind = kinds.kind(series.epochDay(target));
    int n = 0;
    for (int d = 1; d <= MAX_LOOKBACK_DAYS && n < buffer.length; d++) {
      int i = target - d * perDay;
      if (i < 0) {
        break;
      }
      if (i >= known || kinds.kind(series.epochDay(i)) != kind) {
        continue;
      }
      double v = series.value(i);
      if (!Double.isNaN(v)) {
        buffer[n++] = v;
      }
    }
    return n;
  }

  /** Mean of the known values of the last week before {@code origin}; NaN without any. */
  static double recentLevel(RegularSeries series, int origin) {
    double sum = 0;
    int n = 0;
    for (int i = Math.max(0, origin - 7 * series.stepsPerDay()); i < origin; i++) {
      double v = series.value(i);
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Median of {@code values}, which it sorts. */
  static double median(double[] values) {
    Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
  }
}
