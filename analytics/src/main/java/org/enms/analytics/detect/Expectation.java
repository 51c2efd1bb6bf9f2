package org.enms.analytics.detect;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * What a reading was expected to be.
 *
 * @param kw expected power, kW
 * @param sigmaKw robust spread of normal readings around it, kW (never below the floor)
 * @param source where the expectation came from
 * @param note why a better reference was not used (e.g. a baseline driver is not known), or null
 */
public record Expectation(double kw, double sigmaKw, Source source, String note) {

  /** The reference an expectation was taken from, best first. */
  public enum Source {
    /** the machine's active baseline, from the current hour's drivers */
    BASELINE("baseline_residual"),
    /** the median of the same hour of the week over past weeks */
    TIME_OF_WEEK("robust_profile"),
    /** the median of the same hour of day over all days, while weeks are too few */
    HOUR_OF_DAY("robust_profile"),
    /** the median of the last hour's minute averages, while days are too few */
    RECENT("robust_profile");

    private final String method;

    Source(String method) {
      this.method = method;
    }

    /** The {@code detection_method} stored with an anomaly found against this source. */
    public String method() {
      return method;
    }
  }

  /**
   * For when and from what the value was expected, in words: "Tuesday 14:00 (robust profile)".
   * Built only when an anomaly is explained, so scoring stays allocation-light.
   */
  public String describe(Instant time) {
    int s = RobustProfile.slot(time);
    String hour = String.format(Locale.ROOT, "%02d:00", s % 24);
    String day = DayOfWeek.of(s / 24 + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    String text =
        switch (source) {
          case BASELINE -> day + " " + hour + " (active baseline)";
          case TIME_OF_WEEK -> day + " " + hour + " (robust profile)";
          case HOUR_OF_DAY -> hour + " (robust profile by hour of day; under 3 weeks of history)";
          case RECENT -> "now (the last hour's level; too little history for a profile)";
        };
    return note == null ? text : text + "; " + note;
  }

  /** Standardised residual of {@code actualKw}. */
  public double z(double actualKw) {
    return (actualKw - kw) / sigmaKw;
  }

  /** (actual − expected) / expected in percent; 0 when nothing (or nearly nothing) is expected. */
  public double deviationPercent(double actualKw) {
    return Math.abs(kw) < 1e-9 ? 0.0 : (actualKw - kw) / kw * 100.0;
  }
}
