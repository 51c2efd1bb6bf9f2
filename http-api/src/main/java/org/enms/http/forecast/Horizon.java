package org.enms.http.forecast;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.enms.db.Interval;

/**
 * The original's forecast horizons: {@code short} is the next four hours by quarter ("15T"), {@code
 * medium} the next day by hour, {@code long} the next week by hour ("H").
 *
 * @param defaultPeriods periods when the request names none
 * @param maxPeriods the most a request may ask for
 */
public enum Horizon {
  SHORT("short", Interval.MIN15, "15T", 16, 4 * 96),
  MEDIUM("medium", Interval.HOUR1, "H", 24, 14 * 24),
  LONG("long", Interval.HOUR1, "H", 168, 14 * 24);

  private final String wireName;
  private final Interval interval;
  private final String frequency;
  private final int defaultPeriods;
  private final int maxPeriods;

  Horizon(
      String wireName, Interval interval, String frequency, int defaultPeriods, int maxPeriods) {
    this.wireName = wireName;
    this.interval = interval;
    this.frequency = frequency;
    this.defaultPeriods = defaultPeriods;
    this.maxPeriods = maxPeriods;
  }

  public static Optional<Horizon> named(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(h -> h.wireName.equals(n)).findFirst();
  }

  public String wireName() {
    return wireName;
  }

  public Interval interval() {
    return interval;
  }

  public Duration step() {
    return interval.width();
  }

  /** The original's pandas frequency label. */
  public String frequency() {
    return frequency;
  }

  public int defaultPeriods() {
    return defaultPeriods;
  }

  public int maxPeriods() {
    return maxPeriods;
  }
}
