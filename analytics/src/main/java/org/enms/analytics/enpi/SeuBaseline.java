package org.enms.analytics.enpi;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.enms.analytics.baseline.FitQuality;
import org.enms.analytics.baseline.Validity;

/**
 * An SEU's energy baseline (EnB, ISO 50006): daily energy = intercept + Σ coefficient · variable.
 *
 * @param coefficients per feature, in the order trained
 * @param featureMeans each feature's mean over the baseline days: a day of the reporting period
 *     without a value (no temperature reported) is expected at the mean, as ISO 50006 allows for a
 *     variable not measured
 * @param baselineEnergy total energy of the days trained on
 * @param quality in-sample fit (G14 formulas over days)
 */
public record SeuBaseline(
    Map<String, Double> coefficients,
    double intercept,
    Map<String, Double> featureMeans,
    LocalDate firstDay,
    LocalDate lastDay,
    int samples,
    double baselineEnergy,
    FitQuality quality,
    Validity validity) {

  public SeuBaseline {
    coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
    featureMeans = Map.copyOf(featureMeans);
  }

  public List<String> features() {
    return List.copyOf(coefficients.keySet());
  }

  /** The energy the baseline expects on {@code day}; never below 0. */
  public double expected(DailySample day) {
    double e = intercept;
    for (var c : coefficients.entrySet()) {
      e += c.getValue() * valueOrDefault(day, c.getKey());
    }
    return Math.max(0, e);
  }

  private double valueOrDefault(DailySample day, String feature) {
    return day.value(feature)
        .orElseGet(
            () ->
                SeuFeatures.absentIsZero(feature) ? 0.0 : featureMeans.getOrDefault(feature, 0.0));
  }

  /** "Energy (kWh) = a + b × f + …", as the original's {@code formula}. */
  public String formula(String unit) {
    StringBuilder b =
        new StringBuilder("Energy (" + unit + ") = ")
            .append(String.format(Locale.ROOT, "%.4f", intercept));
    coefficients.forEach(
        (f, c) ->
            b.append(c < 0 ? " - " : " + ")
                .append(String.format(Locale.ROOT, "%.4f", Math.abs(c)))
                .append(" × ")
                .append(f));
    return b.toString();
  }
}
