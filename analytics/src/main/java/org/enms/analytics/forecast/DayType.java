package org.enms.analytics.forecast;

/**
 * Which days behave alike, for a profile of the day: a plant that runs the same Monday to Friday
 * learns each weekday's hours from the last few workdays; one with a distinct Monday needs each
 * weekday on its own; a process running around the clock makes every day alike. Days are UTC, as
 * every bucket in the roll-ups.
 */
public enum DayType {
  /** Each day of the week is its own kind. */
  WEEKDAY("each weekday its own"),
  /** Monday to Friday alike; Saturday; Sunday. */
  WORKWEEK("Monday-Friday alike, Saturday, Sunday"),
  /** Every day alike. */
  EVERY_DAY("every day alike");

  private final String description;

  DayType(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** The kind of the UTC day {@code epochDay} (days since 1970-01-01, a Thursday). */
  int kind(long epochDay) {
    int dayOfWeek = (int) Math.floorMod(epochDay + 3, 7); // 0 = Monday
    return switch (this) {
      case WEEKDAY -> dayOfWeek;
      case WORKWEEK -> dayOfWeek < 5 ? 0 : dayOfWeek - 4;
      case EVERY_DAY -> 0;
    };
  }
}
