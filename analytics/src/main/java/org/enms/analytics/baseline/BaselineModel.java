package org.enms.analytics.baseline;

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
 */
public record BaselineModel(
    Map<String, Double> coefficients,
    double intercept,
    double residualStd,
    Map<String, FeatureRange> ranges) {
  public BaselineModel {
    coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
    ranges = Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
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
      Optional<Double> v = Features.value(c.getKey(), sample.columns(), sample.hour());
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
    List<String> warnings = new ArrayList<>();
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
              : Features.value(feature, columns, null);
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
}
