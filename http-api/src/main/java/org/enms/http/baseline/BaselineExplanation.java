package org.enms.http.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.enms.analytics.baseline.Features;
import org.enms.http.support.JsonSupport;

/**
 * Plain-language explanation of a baseline, in the original explainer's fields (accuracy wording,
 * ranked key drivers, formula, voice summary). Drivers are ranked by their typical impact, the
 * coefficient times the driver's standard deviation in training (kWh per hour for a usual swing),
 * rather than by the bare coefficient, which depends on the driver's unit.
 */
final class BaselineExplanation {
  private BaselineExplanation() {}

  static Map<String, Object> of(BaselineView m) {
    List<Map<String, Object>> drivers = keyDrivers(m);
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("accuracy_explanation", accuracy(m));
    e.put("key_drivers", drivers);
    e.put("formula_explanation", formula(m, true));
    List<String> up = new ArrayList<>();
    List<String> down = new ArrayList<>();
    drivers.forEach(
        d ->
            ("increases".equals(d.get("direction")) ? up : down).add((String) d.get("human_name")));
    Map<String, Object> impact = new LinkedHashMap<>();
    impact.put("positive_impacts", up.size());
    impact.put("negative_impacts", down.size());
    impact.put("total_features", drivers.size());
    impact.put("increasing_factors", up);
    impact.put("decreasing_factors", down);
    e.put("impact_summary", impact);
    e.put("voice_summary", voiceSummary(m, drivers));
    return e;
  }

  /** "Energy equals 20.0 plus 0.01 times production volume …" or "E = 20.0 + 0.01*x …". */
  static String formula(BaselineView m, boolean readable) {
    StringBuilder s =
        new StringBuilder(readable ? "Energy equals " : "E = ").append(num(m.intercept()));
    m.coefficients()
        .forEach(
            (feature, c) -> {
              if (readable) {
                s.append(c < 0 ? " minus " : " plus ")
                    .append(num(Math.abs(c)))
                    .append(" times ")
                    .append(Features.humanName(feature));
              } else {
                s.append(c < 0 ? " - " : " + ")
                    .append(num(Math.abs(c)))
                    .append('*')
                    .append(feature);
              }
            });
    return s.toString();
  }

  private static List<Map<String, Object>> keyDrivers(BaselineView m) {
    List<Map<String, Object>> drivers = new ArrayList<>();
    m.coefficients()
        .forEach(
            (feature, c) -> {
              Map<String, Object> d = new LinkedHashMap<>();
              d.put("feature", feature);
              d.put("coefficient", c);
              d.put("absolute_impact", JsonSupport.round(Math.abs(c) * spread(m, feature), 4));
              d.put("direction", c >= 0 ? "increases" : "decreases");
              d.put("human_name", Features.humanName(feature));
              drivers.add(d);
            });
    drivers.sort(
        Comparator.comparingDouble((Map<String, Object> d) -> (Double) d.get("absolute_impact"))
            .reversed());
    for (int i = 0; i < drivers.size(); i++) {
      drivers.get(i).put("rank", i + 1);
    }
    return drivers;
  }

  /** The driver's training standard deviation; 1 when unknown, so the coefficient ranks alone. */
  private static double spread(BaselineView m, String feature) {
    if (m.featureRanges().get(feature) instanceof Map<?, ?> range
        && range.get("std") instanceof Number std
        && std.doubleValue() > 0) {
      return std.doubleValue();
    }
    return 1.0;
  }

  private static String accuracy(BaselineView m) {
    double r2 = m.rSquared();
    String wording =
        r2 >= 0.95
            ? "excellent: its predictions are extremely reliable"
            : r2 >= 0.85
                ? "very good: its predictions are highly reliable"
                : r2 >= 0.70
                    ? "good: its predictions are reliable for most purposes"
                    : r2 >= 0.50
                        ? "moderate: use its predictions with care"
                        : "poor: its predictions are not reliable";
    String text =
        String.format(
            Locale.ROOT,
            "The model explains %.1f%% of the variation in hourly energy use, which is %s.",
            r2 * 100,
            wording);
    if (m.cvRmse() != null) {
      text +=
          String.format(
              Locale.ROOT,
              " Its CV(RMSE) is %.1f%% (ASHRAE Guideline 14 allows up to 30%% for hourly models).",
              m.cvRmse());
    }
    return text;
  }

  private static String voiceSummary(BaselineView m, List<Map<String, Object>> drivers) {
    String text =
        String.format(
            Locale.ROOT,
            "The baseline model for %s has %.0f%% accuracy.",
            m.machineName(),
            m.rSquared() * 100);
    if (!drivers.isEmpty()) {
      Map<String, Object> top = drivers.get(0);
      text +=
          " The main energy driver is "
              + top.get("human_name")
              + ", which "
              + top.get("direction")
              + " energy consumption.";
    }
    return text + " The model uses " + drivers.size() + " features total.";
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
