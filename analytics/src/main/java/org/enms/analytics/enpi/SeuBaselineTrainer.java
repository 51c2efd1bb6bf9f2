package org.enms.analytics.enpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.enms.analytics.baseline.BaselineException;
import org.enms.analytics.baseline.FitQuality;
import org.enms.analytics.baseline.OlsSolver;
import org.enms.analytics.baseline.Validity;

/**
 * Fits an SEU's energy baseline by OLS of daily energy on its relevant variables (ISO 50006's
 * statistical-model EnB, as the original's {@code /baseline/seu/train}), and judges it:
 *
 * <ul>
 *   <li>ASHRAE Guideline 14 (whole-facility regression, energy): CV(RMSE) ≤ 20 %, |NMBE| ≤ 5 %;
 *   <li>EnPI Lite: R² ≥ 0.5, model F-test p &lt; 0.10, at least one variable with p &lt; 0.10 (a
 *       variable with p ≥ 0.20 is a warning).
 * </ul>
 *
 * Days without energy (or with none at all) are left out, as the original did. A requested variable
 * present on at most 10 % of the days, or constant over them, is dropped with the reason; missing
 * production counts as 0. At least {@value #MIN_DAYS} days are needed, and two per parameter. Pure;
 * thread-safe.
 */
public final class SeuBaselineTrainer {
  public static final int MIN_DAYS = 7;
  public static final double MAX_CV_RMSE_PERCENT = 20.0;
  public static final double MAX_ABS_NMBE_PERCENT = 5.0;
  public static final double MIN_R_SQUARED = 0.5;
  public static final double MAX_P = 0.10;
  public static final double WEAK_P = 0.20;

  /** What training kept and dropped. */
  public record Result(SeuBaseline baseline, List<String> droppedFeatures) {}

  /**
   * @param features names or aliases ({@link SeuFeatures}); empty for {@link SeuFeatures#DEFAULTS}
   * @param from first day trained on
   * @param to last day trained on (inclusive)
   * @throws BaselineException for an unknown variable, none usable, or too few days
   */
  public Result train(
      List<DailySample> history, List<String> features, LocalDate from, LocalDate to) {
    List<String> requested = resolve(features);
    List<DailySample> days =
        history.stream()
            .filter(d -> !d.day().isBefore(from) && !d.day().isAfter(to))
            .filter(d -> d.energyKwh() > 0 && Double.isFinite(d.energyKwh()))
            .sorted(Comparator.comparing(DailySample::day))
            .toList();
    if (days.size() < MIN_DAYS) {
      throw insufficient(days.size() + " days with energy between " + from + " and " + to);
    }
    List<String> dropped = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (String f : requested) {
      long present = days.stream().filter(d -> d.value(f).isPresent()).count();
      if (!SeuFeatures.absentIsZero(f) && present <= 0.10 * days.size()) {
        dropped.add(f + ": present on " + present + " of " + days.size() + " days");
        continue;
      }
      var distinct = new TreeSet<Double>();
      days.forEach(d -> distinct.add(value(d, f)));
      if (distinct.size() < 2) {
        dropped.add(f + ": constant over the period");
      } else {
        kept.add(f);
      }
    }
    if (kept.isEmpty()) {
      throw new BaselineException(
          BaselineException.Kind.NO_USABLE_DRIVER,
          "No usable variable among " + requested + " in this period " + dropped);
    }
    List<DailySample> rows =
        days.stream()
            .filter(
                d ->
                    kept.stream()
                        .allMatch(f -> SeuFeatures.absentIsZero(f) || d.value(f).isPresent()))
            .toList();
    int parameters = kept.size() + 1;
    if (rows.size() < Math.max(MIN_DAYS, 2 * parameters)) {
      throw insufficient(
          rows.size() + " days have every variable of " + kept + ", " + parameters + " parameters");
    }
    return new Result(fit(rows, kept), dropped);
  }

  private static SeuBaseline fit(List<DailySample> rows, List<String> kept) {
    int n = rows.size();
    int k = kept.size();
    double[][] x = new double[n][k];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        x[i][j] = value(rows.get(i), kept.get(j));
      }
      y[i] = rows.get(i).energyKwh();
    }
    OlsSolver.Fit fit = OlsSolver.fit(x, y, kept);
    Map<String, Double> coefficients = new LinkedHashMap<>();
    Map<String, Double> pValues = new LinkedHashMap<>();
    Map<String, Double> means = new LinkedHashMap<>();
    for (int j = 0; j < k; j++) {
      coefficients.put(kept.get(j), fit.coefficients()[j]);
      if (fit.pValues() != null && Double.isFinite(fit.pValues()[j])) {
        pValues.put(kept.get(j), fit.pValues()[j]);
      }
      double sum = 0;
      for (double[] row : x) {
        sum += row[j];
      }
      means.put(kept.get(j), sum / n);
    }
    double[] predicted = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      predicted[i] = fit.intercept();
      for (int j = 0; j < k; j++) {
        predicted[i] += fit.coefficients()[j] * x[i][j];
      }
      total += y[i];
    }
    FitQuality q = FitQuality.of(y, predicted, k + 1, fit.modelPValue(), pValues);
    return new SeuBaseline(
        coefficients,
        fit.intercept(),
        means,
        rows.get(0).day(),
        rows.get(n - 1).day(),
        n,
        total,
        q,
        judge(q));
  }

  static Validity judge(FitQuality q) {
    List<String> reasons = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (!(q.cvRmsePercent() <= MAX_CV_RMSE_PERCENT)) {
      reasons.add(
          fmt(
              "CV(RMSE) %.1f %% exceeds %.0f %% (ASHRAE Guideline 14)",
              q.cvRmsePercent(), MAX_CV_RMSE_PERCENT));
    }
    if (!(Math.abs(q.nmbePercent()) <= MAX_ABS_NMBE_PERCENT)) {
      reasons.add(
          fmt(
              "|NMBE| %.1f %% exceeds %.0f %% (ASHRAE Guideline 14)",
              Math.abs(q.nmbePercent()), MAX_ABS_NMBE_PERCENT));
    }
    if (q.rSquared() < MIN_R_SQUARED) {
      reasons.add(fmt("R² %.3f is below %.1f (EnPI Lite)", q.rSquared(), MIN_R_SQUARED));
    }
    if (q.modelPValue() != null && q.modelPValue() >= MAX_P) {
      reasons.add(
          fmt("model F-test p = %.3f is not below %.2f (EnPI Lite)", q.modelPValue(), MAX_P));
    }
    if (!q.pValues().isEmpty()
        && q.pValues().values().stream().min(Double::compare).orElse(0.0) >= MAX_P) {
      reasons.add(fmt("no variable has p < %.2f (EnPI Lite)", MAX_P));
    }
    q.pValues().entrySet().stream()
        .filter(e -> e.getValue() >= WEAK_P)
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                warnings.add(
                    fmt("%s: p = %.3f ≥ %.2f (EnPI Lite)", e.getKey(), e.getValue(), WEAK_P)));
    return new Validity(reasons.isEmpty(), reasons, warnings);
  }

  private static double value(DailySample d, String feature) {
    return d.value(feature).orElse(0.0);
  }

  private static List<String> resolve(List<String> features) {
    if (features == null || features.isEmpty()) {
      return SeuFeatures.DEFAULTS;
    }
    var out = new LinkedHashSet<String>();
    List<String> unknown = new ArrayList<>();
    for (String f : features) {
      SeuFeatures.canonical(f).ifPresentOrElse(out::add, () -> unknown.add(f));
    }
    if (!unknown.isEmpty()) {
      throw new BaselineException(
          BaselineException.Kind.UNKNOWN_DRIVER,
          "Invalid features " + unknown + "; available: " + SeuFeatures.known());
    }
    return List.copyOf(out);
  }

  private static BaselineException insufficient(String what) {
    return new BaselineException(
        BaselineException.Kind.INSUFFICIENT_DATA,
        "Insufficient data: "
            + what
            + "; at least "
            + MIN_DAYS
            + " days and two per parameter are needed");
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
