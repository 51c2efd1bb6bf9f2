package org.enms.http.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.enms.analytics.baseline.Features;
import org.enms.http.support.JsonSupport;

/**
 * Plain-language explanation of a baseline, in the original explainer's fields (accuracy wording,
 * ranked key drivers, formula, voice summary). Drivers are ranked by their typical impact, the
 * coefficient times the driver's standard deviation in training (kWh per hour for a usual swing),
 * rather than by the bare coefficient, which depends on the driver's unit.
 */
public record BaselineExplanation(
    String accuracyExplanation,
    List<KeyDriver> keyDrivers,
    String formulaExplanation,
    ImpactSummary impactSummary,
    String voiceSummary) {

  /**
   * One driver of the model, ranked from 1 by its typical impact.
   *
   * @param coefficient kWh per driver unit
   * @param absoluteImpact kWh per hour for a one-standard-deviation swing of the driver
   * @param direction {@code increases} or {@code decreases} energy use
   */
  public record KeyDriver(
      String feature,
      double coefficient,
      double absoluteImpact,
      String direction,
      String humanName,
      int rank) {}

  /** How many drivers raise and lower energy use, by their human names in rank order. */
  public record ImpactSummary(
      int positiveImpacts,
      int negativeImpacts,
      int totalFeatures,
      List<String> increasingFactors,
      List<String> decreasingFactors) {}

  static BaselineExplanation of(BaselineView m) {
    List<KeyDriver> drivers = keyDrivers(m);
    List<String> up = new ArrayList<>();
    List<String> down = new ArrayList<>();
    drivers.forEach(d -> ("increases".equals(d.direction()) ? up : down).add(d.humanName()));
    return new BaselineExplanation(
        accuracy(m),
        drivers,
        formula(m, true),
        new ImpactSummary(up.size(), down.size(), drivers.size(), up, down),
        voiceSummary(m, drivers));
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

  private record Impact(String feature, double coefficient, double absoluteImpact) {}

  private static List<KeyDriver> keyDrivers(BaselineView m) {
    List<Impact> ranked =
        m.coefficients().entrySet().stream()
            .map(
                c ->
                    new Impact(
                        c.getKey(),
                        c.getValue(),
                        JsonSupport.round(Math.abs(c.getValue()) * spread(m, c.getKey()), 4)))
            // Stable: equal impacts keep the model's driver order.
            .sorted(Comparator.comparingDouble(Impact::absoluteImpact).reversed())
            .toList();
    return IntStream.range(0, ranked.size())
        .mapToObj(
            i -> {
              Impact d = ranked.get(i);
              return new KeyDriver(
                  d.feature(),
                  d.coefficient(),
                  d.absoluteImpact(),
                  d.coefficient() >= 0 ? "increases" : "decreases",
                  Features.humanName(d.feature()),
                  i + 1);
            })
        .toList();
  }

  /** The driver's training standard deviation; 1 when unknown, so the coefficient ranks alone. */
  private static double spread(BaselineView m, String feature) {
    BaselineView.DriverRange range = m.featureRanges().get(feature);
    return range != null && range.std() > 0 ? range.std() : 1.0;
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

  private static String voiceSummary(BaselineView m, List<KeyDriver> drivers) {
    String text =
        String.format(
            Locale.ROOT,
            "The baseline model for %s has %.0f%% accuracy.",
            m.machineName(),
            m.rSquared() * 100);
    if (!drivers.isEmpty()) {
      KeyDriver top = drivers.get(0);
      text +=
          " The main energy driver is "
              + top.humanName()
              + ", which "
              + top.direction()
              + " energy consumption.";
    }
    return text + " The model uses " + drivers.size() + " features total.";
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
