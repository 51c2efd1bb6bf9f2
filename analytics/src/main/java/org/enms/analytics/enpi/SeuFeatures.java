package org.enms.analytics.enpi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The relevant variables an SEU baseline may use, per day, with the aliases the original accepted.
 */
public final class SeuFeatures {
  public static final String PRODUCTION = "production_count";
  public static final String OUTDOOR_TEMP = "outdoor_temp_c";
  public static final String HEATING_DEGREE_DAYS = "heating_degree_days";
  public static final String COOLING_DEGREE_DAYS = "cooling_degree_days";
  public static final String IS_WEEKEND = "is_weekend";
  public static final String OPERATING_HOURS = "operating_hours";

  /** The original's default for {@code /baseline/seu/train}. */
  public static final List<String> DEFAULTS = List.of(PRODUCTION, OUTDOOR_TEMP, IS_WEEKEND);

  private static final List<String> KNOWN =
      List.of(
          PRODUCTION,
          OUTDOOR_TEMP,
          HEATING_DEGREE_DAYS,
          COOLING_DEGREE_DAYS,
          IS_WEEKEND,
          OPERATING_HOURS);

  private static final Map<String, String> ALIASES =
      Map.of(
          "total_production_count", PRODUCTION,
          "production", PRODUCTION,
          "avg_outdoor_temp_c", OUTDOOR_TEMP,
          "outdoor_temperature", OUTDOOR_TEMP,
          "hdd", HEATING_DEGREE_DAYS,
          "cdd", COOLING_DEGREE_DAYS);

  private SeuFeatures() {}

  public static List<String> known() {
    return KNOWN;
  }

  /** The canonical name of {@code name} (case and aliases ignored), if it is a known variable. */
  public static Optional<String> canonical(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (KNOWN.contains(n)) {
      return Optional.of(n);
    }
    return Optional.ofNullable(ALIASES.get(n));
  }

  /** Whether a day without a value means 0 (no production reported: nothing was produced). */
  static boolean absentIsZero(String feature) {
    return PRODUCTION.equals(feature);
  }
}
