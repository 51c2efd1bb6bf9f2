package org.enms.analytics.detect;

import java.time.Instant;
import java.util.Arrays;

/**
 * A machine's usual electric power by hour of the week, learned from its own history: per slot the
 * median and MAD of the hourly average power of the last {@value #WEEKS} weeks. Robust statistics,
 * so one bad week (a breakdown, a holiday) does not move the expectation.
 *
 * <p>A slot is trusted from {@value #MIN_SAMPLES} weeks on. Until then the same hour of day pooled
 * over all weekdays stands in, and until that has {@value #MIN_SAMPLES} hours the median of the
 * last hour's minute averages (at least {@value #MIN_RECENT} of them): a new machine is watched
 * from its first hour, coarsely at first.
 *
 * <p>Kept small on purpose, as every machine entity holds one: floats, fixed arrays, about 4.6 KB.
 * Hours are UTC. Not thread-safe.
 */
public final class RobustProfile {
  public static final int SLOTS = 168;
  public static final int WEEKS = 6;
  public static final int MIN_SAMPLES = 3;
  static final int RECENT = 60;
  static final int MIN_RECENT = 15;

  /** 1.4826·MAD estimates σ for normally distributed data. */
  static final double MAD_TO_SIGMA = 1.4826;

  private final float[] hours = new float[SLOTS * WEEKS];
  private final byte[] counts = new byte[SLOTS];
  private final byte[] next = new byte[SLOTS];
  private final float[] recent = new float[RECENT];
  private int recentCount;
  private int recentNext;
  private final Floor floor;

  // The last computed slot: one reading in an hour pays for sorting, the others reuse it.
  private int cachedKey = -1;
  private double cachedMedian;
  private double cachedSigma;

  /**
   * Lower bound of σ: hourly averages of a steady machine vary less than its readings do, and a MAD
   * of zero would make every wobble an anomaly.
   *
   * @param absoluteKw never below this, kW
   * @param relative never below this fraction of the expected power
   */
  public record Floor(double absoluteKw, double relative) {
    public static final Floor DEFAULT = new Floor(0.5, 0.10);

    double apply(double median, double sigma) {
      return Math.max(sigma, Math.max(absoluteKw, relative * Math.abs(median)));
    }
  }

  public RobustProfile() {
    this(Floor.DEFAULT);
  }

  public RobustProfile(Floor floor) {
    this.floor = floor;
  }

  /** Slot of an instant: Monday 00:00 UTC is 0, Sunday 23:00 is 167. */
  public static int slot(Instant time) {
    long hour = Math.floorDiv(time.getEpochSecond(), 3600);
    // 1970-01-01 was a Thursday: day 0 is slot day 3.
    long day = Math.floorDiv(hour, 24);
    int dayOfWeek = (int) Math.floorMod(day + 3, 7);
    return dayOfWeek * 24 + (int) Math.floorMod(hour, 24);
  }

  /** Adds the average power of one complete hour (its start given); the slot's oldest drops out. */
  public void addHour(Instant hourStart, double avgKw) {
    if (!Double.isFinite(avgKw)) {
      return;
    }
    int s = slot(hourStart);
    hours[s * WEEKS + next[s]] = (float) avgKw;
    next[s] = (byte) ((next[s] + 1) % WEEKS);
    if (counts[s] < WEEKS) {
      counts[s]++;
    }
    cachedKey = -1;
  }

  /** Adds one minute's average power to the short-term reference. */
  public void addMinute(double avgKw) {
    if (!Double.isFinite(avgKw)) {
      return;
    }
    recent[recentNext] = (float) avgKw;
    recentNext = (recentNext + 1) % RECENT;
    if (recentCount < RECENT) {
      recentCount++;
    }
    if (cachedKey >= 3 * SLOTS) {
      cachedKey = -1;
    }
  }

  /** Hours stored in the slot of {@code time}. */
  public int samples(Instant time) {
    return counts[slot(time)];
  }

  /** What power is usual at {@code time}, or null when the profile knows too little yet. */
  public Expectation expected(Instant time) {
    int s = slot(time);
    int key;
    Expectation.Source source;
    if (counts[s] >= MIN_SAMPLES) {
      key = s;
      source = Expectation.Source.TIME_OF_WEEK;
    } else if (pooledCount(s % 24) >= MIN_SAMPLES) {
      key = SLOTS + s % 24;
      source = Expectation.Source.HOUR_OF_DAY;
    } else if (recentCount >= MIN_RECENT) {
      key = 3 * SLOTS;
      source = Expectation.Source.RECENT;
    } else {
      return null;
    }
    if (key != cachedKey) {
      compute(key, s);
    }
    return new Expectation(cachedMedian, cachedSigma, source, null);
  }

  private int pooledCount(int hourOfDay) {
    int n = 0;
    for (int d = 0; d < 7; d++) {
      n += counts[d * 24 + hourOfDay];
    }
    return n;
  }

  private void compute(int key, int s) {
    double[] values;
    if (key < SLOTS) {
      values = new double[counts[s]];
      for (int i = 0; i < values.length; i++) {
        values[i] = hours[s * WEEKS + i];
      }
    } else if (key < 3 * SLOTS) {
      int h = s % 24;
      values = new double[pooledCount(h)];
      int n = 0;
      for (int d = 0; d < 7; d++) {
        int slot = d * 24 + h;
        for (int i = 0; i < counts[slot]; i++) {
          values[n++] = hours[slot * WEEKS + i];
        }
      }
    } else {
      values = new double[recentCount];
      for (int i = 0; i < recentCount; i++) {
        values[i] = recent[i];
      }
    }
    double median = median(values);
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.abs(values[i] - median);
    }
    double mad = median(values);
    cachedKey = key;
    cachedMedian = median;
    cachedSigma = floor.apply(median, MAD_TO_SIGMA * mad);
  }

  /** Median of {@code values}, which it sorts. */
  static double median(double[] values) {
    Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
  }
}
