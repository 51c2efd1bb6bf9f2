package org.enms.analytics.baseline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted energy baseline: hourly kWh = intercept + Σ coefficient · driver. Holds what is needed
 * to predict after a restart, including the drivers' training ranges (the original lost them, so
 * its range warnings and mean defaults never fired).
 *
 * @param coefficients kWh per driver unit, in the drivers' fit order
 * @param intercept kWh per hour when every driver is zero
 * @param residualStd standard error of the training residuals, kWh
 * @param ranges per driver, the training range and mean
 * @param type which terms the model has; a time-of-week model holds one coefficient per hour of the
 *     week seen in training, the reference hour among them at 0
 * @param calendar the shifts and holidays its calendar drivers were computed with
 */
public record BaselineModel(
    Map<String, Double> coefficients,
    double intercept,
    double residualStd,
    Map<String, FeatureRange> ranges,
    ModelType type,
    OperatingCalendar calendar) {
  public BaselineModel {
    coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
    ranges = Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
    type = type == null ? ModelType.OLS : type;
    calendar = calendar == null ? OperatingCalendar.DEFAULT : calendar;
  }

  /** A driver regression with the default calendar, as models were before time of week. */
  public BaselineModel(
      Map<String, Double> coefficients,
      double intercept,
      double residualStd,
      Map<String, FeatureRange> ranges) {
    this(coefficients, intercept, residualStd, ranges, ModelType.OLS, OperatingCalendar.DEFAULT);
  }

  /** True when the model's terms depend on the hour, so a prediction needs its timestamp. */
  public boolean needsTimestamp() {
    return coefficients.keySet().stream().anyMatch(Features::isCalendar);
  }

  public List<String> featureNames() {
    return List.copyOf(coefficients.keySet());
  }

  /**
   * Expected kWh for an hour of history, or empty when a driver cannot be computed for it (a
   * missing measurement). Not clipped, so residuals keep their training distribution.
   */
  public Optional<Double> expected(HourlySample sample) {
    double sum = intercept;
    for (var c : coefficients.entrySet()) {
      Optional<Double> v = Features.value(c.getKey(), sample.columns(), sample.hour(), calendar);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      sum += c.getValue() * v.get();
    }
    return Optional.of(sum);
  }

  /**
   * Expected kWh for one hour under the given conditions. Inputs may name drivers, their aliases or
   * the measurements a driver derives from (an outdoor temperature yields the degree hours). A
   * driver that cannot be had is set to its training mean; both that and a value outside the
   * training range are reported as warnings. Unknown inputs are ignored with a warning.
   */
  public Prediction predict(Map<String, Double> inputs) {
    return predict(inputs, null);
  }

  /**
   * As {@link #predict(Map)}, for the hour starting at {@code hour} (null when unknown): calendar
   * drivers and hour-of-week terms are computed from it. Of the hour-of-week indicators only the
   * hour's own is listed among the values used; an hour of the week not seen in training is
   * predicted at the reference hour's level, with a warning.
   */
  public Prediction predict(Map<String, Double> inputs, Instant hour) {
    List<String> warnings = new ArrayList<>();
    if (hour != null && type != ModelType.OLS) {
      String tow = Features.timeOfWeek(hour);
      if (!coefficients.containsKey(tow)) {
        warnings.add(
            tow
                + " was not seen in training; predicted at the reference hour's level ("
                + referenceHour().orElse("none")
                + ")");
      }
    }
    Map<String, Double> columns = new LinkedHashMap<>();
    inputs.forEach(
        (name, value) -> {
          Optional<String> known = Features.canonical(name);
          if (known.isEmpty()) {
            warnings.add("Unknown feature '" + name + "' ignored");
          } else if (value != null) {
            columns.put(known.get(), value);
          }
        });
    Map<String, Double> used = new LinkedHashMap<>();
    double sum = intercept;
    for (var c : coefficients.entrySet()) {
      String feature = c.getKey();
      FeatureRange range = ranges.get(feature);
      Optional<Double> given =
          columns.containsKey(feature)
              ? Optional.of(columns.get(feature))
              : Features.value(feature, columns, hour, calendar);
      if (Features.isTimeOfWeek(feature) && hour != null) {
        if (given.orElse(0.0) != 0.0) {
          used.put(feature, given.get());
          sum += c.getValue() * given.get();
        }
        continue;
      }
      double value;
      if (given.isPresent()) {
        value = given.get();
        if (range != null && !range.contains(value)) {
          warnings.add(
              String.format(
                  Locale.ROOT,
                  "%s=%.4g is outside the training range [%.4g, %.4g]",
                  feature,
                  value,
                  range.min(),
                  range.max()));
        }
      } else {
        value = range == null ? 0.0 : range.mean();
        warnings.add(
            String.format(
                Locale.ROOT, "%s not given; used its training mean %.4g", feature, value));
      }
      used.put(feature, value);
      sum += c.getValue() * value;
    }
    return new Prediction(Math.max(0.0, sum), used, warnings);
  }

  /** The hour-of-week level the intercept stands for (its coefficient is stored as 0). */
  public Optional<String> referenceHour() {
    return coefficients.entrySet().stream()
        .filter(e -> Features.isTimeOfWeek(e.getKey()) && e.getValue() == 0.0)
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
