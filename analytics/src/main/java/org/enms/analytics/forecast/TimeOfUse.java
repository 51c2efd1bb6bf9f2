package org.enms.analytics.forecast;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A two-rate tariff: the peak rate from {@code peakStartHour} to {@code peakEndHour} (UTC hours,
 * end exclusive; a window may wrap past midnight), the off-peak rate otherwise.
 *
 * @param peakRate price per kWh in the peak window
 * @param offPeakRate price per kWh outside it
 */
public record TimeOfUse(double peakRate, double offPeakRate, int peakStartHour, int peakEndHour) {
  /** The original EnMS's schedule tariff: 0.20 from 08:00 to 20:00, 0.10 otherwise. */
  public static final TimeOfUse ORIGINAL = new TimeOfUse(0.20, 0.10, 8, 20);

  public TimeOfUse {
    if (peakStartHour < 0 || peakStartHour > 23 || peakEndHour < 0 || peakEndHour > 24) {
      throw new IllegalArgumentException("peak hours must lie in 0–24");
    }
    if (peakRate < 0 || offPeakRate < 0) {
      throw new IllegalArgumentException("rates must not be negative");
    }
  }

  public boolean isPeak(Instant time) {
    int hour = time.atZone(ZoneOffset.UTC).getHour();
    return peakStartHour <= peakEndHour
        ? hour >= peakStartHour && hour < peakEndHour
        : hour >= peakStartHour || hour < peakEndHour;
  }

  public double rate(Instant time) {
    return isPeak(time) ? peakRate : offPeakRate;
  }
}
