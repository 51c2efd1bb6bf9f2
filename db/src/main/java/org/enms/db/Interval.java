package org.enms.db;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** Bucket width of a time series, with the wire names the API uses. */
public enum Interval {
  MIN1("1min", Duration.ofMinutes(1), "energy_readings_1min", Duration.ofMinutes(1)),
  /** Regrouped from the 1-minute roll-up; no table of its own. */
  MIN5("5min", Duration.ofMinutes(5), "energy_readings_1min", Duration.ofMinutes(1)),
  MIN15("15min", Duration.ofMinutes(15), "energy_readings_15min", Duration.ofMinutes(15)),
  HOUR1("1hour", Duration.ofHours(1), "energy_readings_1hour", Duration.ofHours(1)),
  DAY1("1day", Duration.ofDays(1), "energy_readings_1day", Duration.ofDays(1));

  private final String wireName;
  private final Duration width;
  private final String energySource;
  private final Duration sourceWidth;

  Interval(String wireName, Duration width, String energySource, Duration sourceWidth) {
    this.wireName = wireName;
    this.width = width;
    this.energySource = energySource;
    this.sourceWidth = sourceWidth;
  }

  /** The bucket width of the roll-up this interval is read from. */
  Duration sourceWidth() {
    return sourceWidth;
  }

  public String wireName() {
    return wireName;
  }

  public Duration width() {
    return width;
  }

  /** The energy roll-up this interval is read from. */
  String energySource() {
    return energySource;
  }

  public static Optional<Interval> fromWireName(String name) {
    return Arrays.stream(values()).filter(i -> i.wireName.equals(name)).findFirst();
  }
}
