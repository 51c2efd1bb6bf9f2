package org.enms.analytics.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Values at a fixed step from {@code start}, {@code NaN} where nothing was measured (a bucket
 * without readings is unknown, not zero). The step divides a day and {@code start} lies on a step
 * boundary, so every index has a slot of the day and a UTC day; forecasts work on indexes.
 *
 * @param values one per step; owned by the series, never changed after construction
 */
public record RegularSeries(Instant start, Duration step, double[] values) {
  private static final long DAY_SECONDS = 86_400;

  public RegularSeries {
    long seconds = step.getSeconds();
    if (seconds <= 0 || step.getNano() != 0 || DAY_SECONDS % seconds != 0) {
      throw new IllegalArgumentException("the step must be whole seconds dividing a day: " + step);
    }
    if (start.getNano() != 0 || Math.floorMod(start.getEpochSecond(), seconds) != 0) {
      throw new IllegalArgumentException("start " + start + " is not on a " + step + " boundary");
    }
  }

  /** An empty series of {@code steps} unknown values, to be filled with {@link #set}. */
  public static RegularSeries empty(Instant start, Duration step, int steps) {
    double[] values = new double[steps];
    Arrays.fill(values, Double.NaN);
    return new RegularSeries(start, step, values);
  }

  public int size() {
    return values.length;
  }

  public double value(int i) {
    return values[i];
  }

  /** Sets the value of the step starting at {@code time}; times outside the series are ignored. */
  public void set(Instant time, double value) {
    long offset = time.getEpochSecond() - start.getEpochSecond();
    long seconds = step.getSeconds();
    if (offset >= 0 && offset % seconds == 0 && offset / seconds < values.length) {
      values[(int) (offset / seconds)] = value;
    }
  }

  /** Start of step {@code i}. */
  public Instant time(int i) {
    return start.plusSeconds(i * step.getSeconds());
  }

  /** Index of the step starting at {@code time} (may lie outside the series). */
  public int indexOf(Instant time) {
    return (int) Math.floorDiv(time.getEpochSecond() - start.getEpochSecond(), step.getSeconds());
  }

  public int stepsPerDay() {
    return (int) (DAY_SECONDS / step.getSeconds());
  }

  /** The step in hours, to turn energy per step into average power. */
  public double stepHours() {
    return step.getSeconds() / 3600.0;
  }

  /** UTC day (days since 1970-01-01) of step {@code i}; may be asked for indexes outside. */
  public long epochDay(int i) {
    return Math.floorDiv(start.getEpochSecond() + (long) i * step.getSeconds(), DAY_SECONDS);
  }

  /** Slot of the day (0 at midnight UTC) of step {@code i}. */
  public int slotOfDay(int i) {
    long second = start.getEpochSecond() + (long) i * step.getSeconds();
    return (int) (Math.floorMod(second, DAY_SECONDS) / step.getSeconds());
  }

  /**
   * Sums of {@code factor} consecutive steps, from a boundary of the coarser step; a sum with a
   * missing part is missing. For energy: 15-min kWh to hourly kWh.
   */
  public RegularSeries coarsen(int factor) {
    Duration coarse = step.multipliedBy(factor);
    long seconds = coarse.getSeconds();
    long first = Math.floorDiv(start.getEpochSecond() + seconds - 1, seconds) * seconds;
    int skip = (int) ((first - start.getEpochSecond()) / step.getSeconds());
    int n = Math.max(0, (values.length - skip) / factor);
    double[] sums = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < factor; j++) {
        sum += values[skip + i * factor + j];
      }
      sums[i] = sum;
    }
    return new RegularSeries(Instant.ofEpochSecond(first), coarse, sums);
  }

  /** Whether every known value is at least zero (energy used, never exported). */
  public boolean nonNegative() {
    for (double v : values) {
      if (v < 0) {
        return false;
      }
    }
    return true;
  }
}
