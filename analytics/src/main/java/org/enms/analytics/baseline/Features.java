package org.enms.analytics.baseline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The drivers a baseline may use: roll-up columns as stored and features derived from them (degree
 * hours at 18 °C, calendar terms). Names are the original EnMS's, so stored models, API requests
 * and the voice client's feature maps all speak the same vocabulary; the voice client's short names
 * ({@code production_count}, {@code outdoor_temp_c}) are accepted as aliases.
 */
public final class Features {
  /** Base temperature of the degree hours, °C (the original's and the usual European choice). */
  public static final double DEGREE_BASE_C = 18.0;

  public static final String PRODUCTION = "total_production_count";
  public static final String THROUGHPUT = "avg_throughput_units_per_hour";
  public static final String OUTDOOR_TEMP = "avg_outdoor_temp_c";
  public static final String INDOOR_TEMP = "avg_indoor_temp_c";
  public static final String MACHINE_TEMP = "avg_machine_temp_c";
  public static final String PRESSURE = "avg_pressure_bar";
  public static final String HEATING_DEGREE_HOURS = "heating_degree_hours";
  public static final String COOLING_DEGREE_HOURS = "cooling_degree_hours";
  public static final String HOUR_OF_DAY = "hour_of_day";
  public static final String DAY_OF_WEEK = "day_of_week";
  public static final String IS_WEEKEND = "is_weekend";
  public static final String OUTDOOR_TEMP_SQUARED = "outdoor_temp_squared";
  public static final String TEMP_DIFFERENCE = "temp_difference";

  /**
   * The shift as a categorical driver. A request names {@code shift}; the model holds one indicator
   * {@code shift_<i>} per shift of its {@link OperatingCalendar} but the last, which is the
   * reference level absorbed by the intercept.
   */
  public static final String SHIFT = "shift";

  /** 1 on the calendar's holidays, else 0. */
  public static final String IS_HOLIDAY = "is_holiday";

  /** Prefix of the hour-of-week indicators: {@code tow_mon_07} is Monday 07:00–08:00 UTC. */
  public static final String TOW_PREFIX = "tow_";

  /**
   * Prefix of the piecewise-linear outdoor temperature terms: {@code outdoor_temp_seg_7_13} is how
   * far the temperature reaches into [7, 13) °C; {@code min} and {@code max} mark the open ends,
   * {@code m} a minus sign.
   */
  public static final String TEMP_SEGMENT_PREFIX = "outdoor_temp_seg_";

  private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

  /** Columns read from the roll-ups. */
  public static final List<String> COLUMNS =
      List.of(PRODUCTION, THROUGHPUT, OUTDOOR_TEMP, INDOOR_TEMP, MACHINE_TEMP, PRESSURE);

  /** Drivers used when a request names none: production and heating/cooling degree hours. */
  public static final List<String> DEFAULT_DRIVERS =
      List.of(PRODUCTION, HEATING_DEGREE_HOURS, COOLING_DEGREE_HOURS);

  private static final Set<String> CALENDAR =
      Set.of(HOUR_OF_DAY, DAY_OF_WEEK, IS_WEEKEND, IS_HOLIDAY, SHIFT);

  private static final Map<String, String> HUMAN_NAMES = humanNames();

  private static final Map<String, String> ALIASES =
      Map.of(
          "production_count", PRODUCTION,
          "throughput", THROUGHPUT,
          "avg_throughput", THROUGHPUT,
          "outdoor_temp_c", OUTDOOR_TEMP,
          "avg_temperature_c", OUTDOOR_TEMP,
          "indoor_temp_c", INDOOR_TEMP,
          "machine_temp_c", MACHINE_TEMP,
          "pressure_bar", PRESSURE);

  private Features() {}

  /** Every driver name a model may use. */
  public static Set<String> known() {
    return HUMAN_NAMES.keySet();
  }

  /** The catalogue name of {@code requested} (aliases resolved), if it is a known driver. */
  public static Optional<String> canonical(String requested) {
    String name = requested.trim().toLowerCase(Locale.ROOT);
    name = ALIASES.getOrDefault(name, name);
    return HUMAN_NAMES.containsKey(name) ? Optional.of(name) : Optional.empty();
  }

  /** How the explanation names a driver ("production volume"). */
  public static String humanName(String feature) {
    if (isTimeOfWeek(feature)) {
      String[] p = feature.split("_");
      return "hour of week " + p[1] + " " + p[2] + ":00";
    }
    if (isShift(feature)) {
      return "shift " + feature.substring(SHIFT.length() + 1);
    }
    if (feature.startsWith(TEMP_SEGMENT_PREFIX)) {
      return "outdoor temperature in " + feature.substring(TEMP_SEGMENT_PREFIX.length()) + " °C";
    }
    return HUMAN_NAMES.getOrDefault(feature, feature.replace('_', ' '));
  }

  /** True for drivers computed from the hour itself rather than from measurements. */
  public static boolean isCalendar(String feature) {
    return CALENDAR.contains(feature) || isShift(feature) || isTimeOfWeek(feature);
  }

  /** True for an hour-of-week indicator ({@code tow_mon_07}). */
  public static boolean isTimeOfWeek(String feature) {
    return feature.startsWith(TOW_PREFIX);
  }

  /** True for one shift's indicator ({@code shift_2}). */
  public static boolean isShift(String feature) {
    return feature.startsWith(SHIFT + "_") && feature.substring(SHIFT.length() + 1).matches("\\d+");
  }

  /** The indicator of the shift numbered {@code i} from 1. */
  public static String shift(int i) {
    return SHIFT + "_" + i;
  }

  /** The hour-of-week indicator the hour belongs to, e.g. {@code tow_mon_07}. */
  public static String timeOfWeek(Instant hour) {
    var t = hour.atZone(ZoneOffset.UTC);
    return String.format(
        Locale.ROOT, "%s%s_%02d", TOW_PREFIX, DAYS[t.getDayOfWeek().getValue() - 1], t.getHour());
  }

  /** Every hour-of-week indicator, Monday 00:00 first. */
  public static List<String> timesOfWeek() {
    List<String> names = new java.util.ArrayList<>(168);
    for (String day : DAYS) {
      for (int h = 0; h < 24; h++) {
        names.add(String.format(Locale.ROOT, "%s%s_%02d", TOW_PREFIX, day, h));
      }
    }
    return names;
  }

  /**
   * The temperature term between two knots, °C; {@code NaN} for an open end. Its value is how far
   * the temperature reaches into the segment, so Σ coefficient · term is continuous and linear
   * within each segment.
   */
  public static String temperatureSegment(double lower, double upper) {
    return TEMP_SEGMENT_PREFIX + knot(lower, "min") + "_" + knot(upper, "max");
  }

  private static String knot(double value, String open) {
    if (Double.isNaN(value)) {
      return open;
    }
    long v = Math.round(value);
    return v < 0 ? "m" + (-v) : Long.toString(v);
  }

  private static double parseKnot(String text) {
    return switch (text) {
      case "min", "max" -> Double.NaN;
      default ->
          text.startsWith("m") ? -Double.parseDouble(text.substring(1)) : Double.parseDouble(text);
    };
  }

  private static Optional<Double> segmentValue(String feature, Double outdoor) {
    String[] bounds = feature.substring(TEMP_SEGMENT_PREFIX.length()).split("_");
    if (bounds.length != 2 || outdoor == null) {
      return Optional.empty();
    }
    double lower = parseKnot(bounds[0]);
    double upper = parseKnot(bounds[1]);
    double t = outdoor;
    if (Double.isNaN(lower)) {
      return Optional.of(Math.min(t, upper));
    }
    if (Double.isNaN(upper)) {
      return Optional.of(Math.max(0, t - lower));
    }
    return Optional.of(Math.max(0, Math.min(t, upper) - lower));
  }

  /**
   * The value of {@code feature} for an hour with the given column values, or empty when a column
   * it needs is missing. {@code hour} may be null when only measurements are known (a prediction
   * request); calendar features are then empty.
   */
  public static Optional<Double> value(String feature, Map<String, Double> columns, Instant hour) {
    return value(feature, columns, hour, OperatingCalendar.DEFAULT);
  }

  /** As {@link #value(String, Map, Instant)}, with the shifts and holidays of {@code calendar}. */
  public static Optional<Double> value(
      String feature, Map<String, Double> columns, Instant hour, OperatingCalendar calendar) {
    Double outdoor = columns.get(OUTDOOR_TEMP);
    if (feature.startsWith(TOW_PREFIX)) {
      return Optional.ofNullable(hour).map(h -> feature.equals(timeOfWeek(h)) ? 1.0 : 0.0);
    }
    if (feature.startsWith(TEMP_SEGMENT_PREFIX)) {
      return segmentValue(feature, outdoor);
    }
    if (isShift(feature)) {
      int i = Integer.parseInt(feature.substring(SHIFT.length() + 1));
      return Optional.ofNullable(hour).map(h -> calendar.shift(h) == i ? 1.0 : 0.0);
    }
    return switch (feature) {
      case IS_HOLIDAY -> Optional.ofNullable(hour).map(h -> calendar.isHoliday(h) ? 1.0 : 0.0);
      case HEATING_DEGREE_HOURS ->
          Optional.ofNullable(outdoor).map(t -> Math.max(0, DEGREE_BASE_C - t));
      case COOLING_DEGREE_HOURS ->
          Optional.ofNullable(outdoor).map(t -> Math.max(0, t - DEGREE_BASE_C));
      case OUTDOOR_TEMP_SQUARED -> Optional.ofNullable(outdoor).map(t -> t * t);
      case TEMP_DIFFERENCE -> {
        Double indoor = columns.get(INDOOR_TEMP);
        yield outdoor == null || indoor == null
            ? Optional.empty()
            : Optional.of(Math.abs(outdoor - indoor));
      }
      case HOUR_OF_DAY ->
          Optional.ofNullable(hour).map(h -> (double) h.atZone(ZoneOffset.UTC).getHour());
      case DAY_OF_WEEK ->
          // 0 = Sunday … 6 = Saturday, as PostgreSQL's EXTRACT(DOW) and the original.
          Optional.ofNullable(hour)
              .map(h -> (double) (h.atZone(ZoneOffset.UTC).getDayOfWeek().getValue() % 7));
      case IS_WEEKEND ->
          Optional.ofNullable(hour)
              .map(h -> h.atZone(ZoneOffset.UTC).getDayOfWeek())
              .map(d -> d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? 1.0 : 0.0);
      default -> Optional.ofNullable(columns.get(feature));
    };
  }

  private static Map<String, String> humanNames() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(PRODUCTION, "production volume");
    names.put(THROUGHPUT, "production throughput");
    names.put(OUTDOOR_TEMP, "outdoor temperature");
    names.put(INDOOR_TEMP, "indoor temperature");
    names.put(MACHINE_TEMP, "machine temperature");
    names.put(PRESSURE, "operating pressure");
    names.put(HEATING_DEGREE_HOURS, "heating demand (degree hours below 18 °C)");
    names.put(COOLING_DEGREE_HOURS, "cooling demand (degree hours above 18 °C)");
    names.put(HOUR_OF_DAY, "time of day");
    names.put(DAY_OF_WEEK, "day of the week");
    names.put(IS_WEEKEND, "weekend operation");
    names.put(OUTDOOR_TEMP_SQUARED, "extreme outdoor temperatures");
    names.put(TEMP_DIFFERENCE, "indoor-outdoor temperature difference");
    names.put(SHIFT, "shift");
    names.put(IS_HOLIDAY, "holiday");
    return Map.copyOf(names);
  }
}
