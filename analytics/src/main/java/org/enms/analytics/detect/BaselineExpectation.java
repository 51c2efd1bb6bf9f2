package org.enms.analytics.detect;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.enms.analytics.baseline.BaselineModel;
import org.enms.analytics.baseline.Features;

/**
 * Turns a baseline (hourly kWh from drivers) into an expected power for one reading: the hour's
 * predicted kWh is its average kW. Drivers come from what the entity knows now; when one is missing
 * the baseline cannot speak, and the caller falls back to the profile saying why.
 *
 * <p>One instance per active model, made when the model is swapped in. {@link #fromScratch} is the
 * definition; {@link #expectedKw} gives bit-for-bit the same answer cheaply. Evaluated from scratch
 * a time-of-week model costs hundreds of µs a reading (each of its ~170 terms formats the hour's
 * name to see whether it is that term's). So the model is compiled once into terms that compute
 * their value from numbers, summed in the model's order (hence the same rounding), and the result
 * is kept for as long as the inputs the model uses (the hour, the outdoor temperature, production)
 * stay the same: readings arrive in time order, so a time-of-week model is evaluated once an hour.
 * Not thread-safe; one per detector.
 */
public final class BaselineExpectation {
  private static final long HOUR_MS = 3_600_000;

  /** Hour-of-week names, Monday 00:00 first: a name's index is its hour of the week. */
  private static final List<String> TIMES_OF_WEEK = Features.timesOfWeek();

  /** What a term's value is computed from. */
  private enum Kind {
    TIME_OF_WEEK,
    TEMPERATURE_SEGMENT,
    SHIFT,
    HOLIDAY,
    HOUR_OF_DAY,
    DAY_OF_WEEK,
    WEEKEND,
    HEATING_DEGREE_HOURS,
    COOLING_DEGREE_HOURS,
    TEMPERATURE_SQUARED,
    OUTDOOR_TEMPERATURE,
    PRODUCTION,
    /** a column the entity never knows (indoor temperature, pressure…): always missing */
    UNKNOWN
  }

  /**
   * One compiled term: {@code slot} is the hour of the week (Monday 00:00 = 0) of a time-of-week
   * term, or the shift number; {@code lower}/{@code upper} a temperature segment's knots (NaN for
   * an open end).
   */
  private record Term(
      String name, Kind kind, double coefficient, int slot, double lower, double upper) {
    boolean hourOnly() {
      return switch (kind) {
        case TIME_OF_WEEK, SHIFT, HOLIDAY, HOUR_OF_DAY, DAY_OF_WEEK, WEEKEND -> true;
        default -> false;
      };
    }

    boolean readsTemperature() {
      return switch (kind) {
        case TEMPERATURE_SEGMENT,
            HEATING_DEGREE_HOURS,
            COOLING_DEGREE_HOURS,
            TEMPERATURE_SQUARED,
            OUTDOOR_TEMPERATURE ->
            true;
        default -> false;
      };
    }
  }

  private final BaselineModel model;
  private final Term[] terms;

  /**
   * How many of the first terms depend on the hour only (a time-of-week model's ~168 levels and
   * holiday): their sum with the intercept is kept per hour, and the rest is added to it in order.
   */
  private final int hourTerms;

  private final boolean usesHour;
  private final boolean usesTemperature;
  private final boolean usesProduction;

  // The intercept plus the hour-only terms, for the hour prefixHour.
  private boolean prefixed;
  private long prefixHour;
  private double prefixKwh;

  // The last answer and the inputs it was for; valid after the first call.
  private boolean cached;
  private long cachedHour;
  private Double cachedTemperature;
  private Double cachedProduction;
  private double cachedKw;
  private String cachedMissing;
  private String missing;

  public BaselineExpectation(BaselineModel model) {
    this.model = Objects.requireNonNull(model);
    this.terms =
        model.coefficients().entrySet().stream()
            .map(c -> compile(c.getKey(), c.getValue()))
            .toArray(Term[]::new);
    boolean hour = false;
    boolean temperature = false;
    boolean production = false;
    for (Term t : terms) {
      hour |= t.hourOnly();
      temperature |= t.readsTemperature();
      production |= t.kind() == Kind.PRODUCTION;
    }
    int prefix = 0;
    while (prefix < terms.length && terms[prefix].hourOnly()) {
      prefix++;
    }
    this.hourTerms = prefix;
    this.usesHour = hour;
    this.usesTemperature = temperature;
    this.usesProduction = production;
  }

  public BaselineModel model() {
    return model;
  }

  /**
   * Whether the model reads production or outdoor temperature; a time-of-week model needs the hour
   * only, so its caller need not work out {@link Drivers}.
   */
  public boolean usesDrivers() {
    return usesTemperature || usesProduction;
  }

  /**
   * Expected kW at {@code time}, or NaN when a driver is unknown (then {@link #missing()} names
   * it). The same as {@link #fromScratch}.
   */
  public double expectedKw(Instant time, Drivers drivers) {
    long hour = Math.floorDiv(time.toEpochMilli(), HOUR_MS);
    Double temperature = usesTemperature ? drivers.outdoorTempC() : null;
    Double production = usesProduction ? drivers.productionUnitsLastHour() : null;
    if (!cached
        || (usesHour && hour != cachedHour)
        || !Objects.equals(temperature, cachedTemperature)
        || !Objects.equals(production, cachedProduction)) {
      cachedKw = evaluate(hour, temperature, production);
      cachedMissing = missing;
      cachedHour = hour;
      cachedTemperature = temperature;
      cachedProduction = production;
      cached = true;
    }
    missing = cachedMissing;
    return cachedKw;
  }

  /** The driver the last {@link #expectedKw} lacked; null when it had them all. */
  public String missing() {
    return missing;
  }

  private double evaluate(long epochHour, Double temperature, Double production) {
    missing = null;
    if (!prefixed || epochHour != prefixHour) {
      prefixKwh = sum(model.intercept(), 0, hourTerms, epochHour, null, null);
      prefixHour = epochHour;
      prefixed = true;
    }
    double kwh = sum(prefixKwh, hourTerms, terms.length, epochHour, temperature, production);
    return missing != null ? Double.NaN : Math.max(0.0, kwh);
  }

  /**
   * {@code kwh} plus terms {@code [from, to)} in order, as {@link Features#value} computes them;
   * NaN with {@link #missing} set at the first term whose driver is unknown.
   */
  private double sum(
      double kwh, int from, int to, long epochHour, Double temperature, Double production) {
    long day = Math.floorDiv(epochHour, 24);
    int hourOfDay = (int) Math.floorMod(epochHour, 24L);
    // 1970-01-01 was a Thursday: day 0 is weekday 3 counted from Monday = 0.
    int weekday = (int) Math.floorMod(day + 3, 7L);
    int slot = weekday * 24 + hourOfDay;
    Instant hour = Instant.ofEpochMilli(epochHour * HOUR_MS);
    int shift = -1;
    for (int i = from; i < to; i++) {
      Term t = terms[i];
      double v;
      switch (t.kind()) {
        case TIME_OF_WEEK -> v = t.slot() == slot ? 1.0 : 0.0;
        case SHIFT -> {
          if (shift < 0) {
            shift = model.calendar().shift(hour);
          }
          v = shift == t.slot() ? 1.0 : 0.0;
        }
        case HOLIDAY -> v = model.calendar().isHoliday(hour) ? 1.0 : 0.0;
        case HOUR_OF_DAY -> v = hourOfDay;
        // 0 = Sunday … 6 = Saturday, as Features.
        case DAY_OF_WEEK -> v = (weekday + 1) % 7;
        case WEEKEND -> v = weekday >= 5 ? 1.0 : 0.0;
        case PRODUCTION -> {
          if (production == null) {
            return missingDriver(t);
          }
          v = production;
        }
        case UNKNOWN -> {
          return missingDriver(t);
        }
        default -> { // the temperature terms
          if (temperature == null) {
            return missingDriver(t);
          }
          v = temperatureTerm(t, temperature);
        }
      }
      kwh += t.coefficient() * v;
    }
    return kwh;
  }

  private double missingDriver(Term t) {
    missing = t.name();
    return Double.NaN;
  }

  /** As {@link Features#value}'s temperature terms. */
  private static double temperatureTerm(Term t, double temperature) {
    return switch (t.kind()) {
      case TEMPERATURE_SEGMENT -> {
        if (Double.isNaN(t.lower())) {
          yield Math.min(temperature, t.upper());
        }
        if (Double.isNaN(t.upper())) {
          yield Math.max(0, temperature - t.lower());
        }
        yield Math.max(0, Math.min(temperature, t.upper()) - t.lower());
      }
      case HEATING_DEGREE_HOURS -> Math.max(0, Features.DEGREE_BASE_C - temperature);
      case COOLING_DEGREE_HOURS -> Math.max(0, temperature - Features.DEGREE_BASE_C);
      case TEMPERATURE_SQUARED -> temperature * temperature;
      default -> temperature;
    };
  }

  private static Term compile(String name, double coefficient) {
    if (Features.isTimeOfWeek(name)) {
      return new Term(name, Kind.TIME_OF_WEEK, coefficient, timeOfWeekSlot(name), 0, 0);
    }
    if (name.startsWith(Features.TEMP_SEGMENT_PREFIX)) {
      String[] bounds = name.substring(Features.TEMP_SEGMENT_PREFIX.length()).split("_");
      try {
        if (bounds.length == 2) {
          return new Term(
              name, Kind.TEMPERATURE_SEGMENT, coefficient, 0, knot(bounds[0]), knot(bounds[1]));
        }
      } catch (NumberFormatException e) {
        // a name no trainer writes: the term can never be computed
      }
      return new Term(name, Kind.UNKNOWN, coefficient, 0, 0, 0);
    }
    if (Features.isShift(name)) {
      int i = Integer.parseInt(name.substring(Features.SHIFT.length() + 1));
      return new Term(name, Kind.SHIFT, coefficient, i, 0, 0);
    }
    Kind kind =
        switch (name) {
          case Features.IS_HOLIDAY -> Kind.HOLIDAY;
          case Features.HOUR_OF_DAY -> Kind.HOUR_OF_DAY;
          case Features.DAY_OF_WEEK -> Kind.DAY_OF_WEEK;
          case Features.IS_WEEKEND -> Kind.WEEKEND;
          case Features.HEATING_DEGREE_HOURS -> Kind.HEATING_DEGREE_HOURS;
          case Features.COOLING_DEGREE_HOURS -> Kind.COOLING_DEGREE_HOURS;
          case Features.OUTDOOR_TEMP_SQUARED -> Kind.TEMPERATURE_SQUARED;
          case Features.OUTDOOR_TEMP -> Kind.OUTDOOR_TEMPERATURE;
          case Features.PRODUCTION -> Kind.PRODUCTION;
          default -> Kind.UNKNOWN;
        };
    return new Term(name, kind, coefficient, 0, 0, 0);
  }

  /** The hour of the week {@code tow_tue_14} stands for (Monday 00:00 = 0); -1 if none. */
  private static int timeOfWeekSlot(String name) {
    return TIMES_OF_WEEK.indexOf(name);
  }

  private static double knot(String text) {
    return switch (text) {
      case "min", "max" -> Double.NaN;
      default ->
          text.startsWith("m") ? -Double.parseDouble(text.substring(1)) : Double.parseDouble(text);
    };
  }

  /**
   * Expected kW, or NaN when a driver is unknown (its name then in {@code missing[0]}), evaluated
   * from scratch through {@link Features#value}: the definition {@link #expectedKw} is held to.
   */
  public static double fromScratch(
      BaselineModel model, Instant time, Drivers drivers, String[] missing) {
    Map<String, Double> columns = new HashMap<>(4);
    if (drivers.productionUnitsLastHour() != null) {
      columns.put(Features.PRODUCTION, drivers.productionUnitsLastHour());
    }
    if (drivers.outdoorTempC() != null) {
      columns.put(Features.OUTDOOR_TEMP, drivers.outdoorTempC());
    }
    Instant hour = time.truncatedTo(ChronoUnit.HOURS);
    double kwh = model.intercept();
    for (var c : model.coefficients().entrySet()) {
      Optional<Double> v = Features.value(c.getKey(), columns, hour, model.calendar());
      if (v.isEmpty()) {
        missing[0] = c.getKey();
        return Double.NaN;
      }
      kwh += c.getValue() * v.get();
    }
    return Math.max(0.0, kwh);
  }

  /** The drivers of a prediction in words: "given 120 units in the last hour, 8.0 °C outside". */
  public static String describeDrivers(BaselineModel model, Drivers drivers) {
    boolean production = false;
    boolean temperature = false;
    for (String f : model.featureNames()) {
      production |= f.equals(Features.PRODUCTION);
      temperature |=
          f.equals(Features.OUTDOOR_TEMP)
              || f.equals(Features.HEATING_DEGREE_HOURS)
              || f.equals(Features.COOLING_DEGREE_HOURS)
              || f.equals(Features.OUTDOOR_TEMP_SQUARED);
    }
    StringBuilder text = new StringBuilder();
    if (production && drivers.productionUnitsLastHour() != null) {
      text.append(
          String.format(
              Locale.ROOT, "%.0f units in the last hour", drivers.productionUnitsLastHour()));
    }
    if (temperature && drivers.outdoorTempC() != null) {
      text.append(text.isEmpty() ? "" : ", ")
          .append(String.format(Locale.ROOT, "%.1f °C outside", drivers.outdoorTempC()));
    }
    return text.isEmpty() ? "" : "given " + text;
  }
}
