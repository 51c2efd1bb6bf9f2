package org.enms.simulator.physics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.random.RandomGenerator;

/**
 * The plant's working calendar and climate as the original simulator models them, all in UTC: three
 * weekday shifts (the night shift at half output), a reduced weekend, and an outdoor temperature
 * that follows the month.
 */
public final class PlantCalendar {
  /** Outdoor base temperature before the seasonal offset, °C. */
  public static final double OUTDOOR_BASE_C = 15.0;

  /** Weekend output relative to a weekday day shift. */
  public static final double WEEKEND_FACTOR = 0.3;

  /** Night-shift (22:00–05:59) output relative to a day shift. */
  public static final double NIGHT_SHIFT_FACTOR = 0.5;

  private PlantCalendar() {}

  /**
   * Production level 0–1 at {@code time}: 1.0 on weekday day shifts, 0.5 at night, 0.3 weekends.
   */
  public static double shiftFactor(Instant time) {
    ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
    DayOfWeek day = utc.getDayOfWeek();
    if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
      return WEEKEND_FACTOR;
    }
    int hour = utc.getHour();
    return hour >= 6 && hour < 22 ? 1.0 : NIGHT_SHIFT_FACTOR;
  }

  /** Seasonal offset of the outdoor temperature, °C (−10 in winter, +15 in summer). */
  public static double seasonalOffsetC(Instant time) {
    return switch (time.atZone(ZoneOffset.UTC).getMonth()) {
      case DECEMBER, JANUARY, FEBRUARY -> -10;
      case MARCH, NOVEMBER -> 0;
      case APRIL, OCTOBER -> 5;
      case MAY, SEPTEMBER -> 10;
      case JUNE, JULY, AUGUST -> 15;
    };
  }

  /** Outdoor temperature with ±5 °C weather noise, °C. */
  public static double outdoorTempC(Instant time, RandomGenerator random) {
    return OUTDOOR_BASE_C + seasonalOffsetC(time) + random.nextDouble(-5, 5);
  }

  /** Hour of day 0–23 in UTC. */
  public static int hourUtc(Instant time) {
    return time.atZone(ZoneOffset.UTC).getHour();
  }

  /** Whether {@code time} falls in June, July or August (humid season). */
  public static boolean isSummer(Instant time) {
    int month = time.atZone(ZoneOffset.UTC).getMonthValue();
    return month >= 6 && month <= 8;
  }
}
