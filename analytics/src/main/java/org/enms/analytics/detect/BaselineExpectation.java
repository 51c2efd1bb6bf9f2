package org.enms.analytics.detect;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.enms.analytics.baseline.BaselineModel;
import org.enms.analytics.baseline.Features;

/**
 * Turns a baseline (hourly kWh from drivers) into an expected power for one reading: the hour's
 * predicted kWh is its average kW. Drivers come from what the entity knows now; when one is missing
 * the baseline cannot speak, and the caller falls back to the profile saying why.
 */
public final class BaselineExpectation {
  private BaselineExpectation() {}

  /** Expected kW, or NaN when a driver is unknown (its name then in {@code missing[0]}). */
  public static double expectedKw(
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
      Optional<Double> v = Features.value(c.getKey(), columns, hour);
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
