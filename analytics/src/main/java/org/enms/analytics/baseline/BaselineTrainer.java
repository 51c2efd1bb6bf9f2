package org.enms.analytics.baseline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Fits an hourly energy baseline by OLS of kWh on drivers and judges it against the published
 * thresholds for hourly regression baselines:
 *
 * <ul>
 *   <li>ASHRAE Guideline 14 (hourly): CV(RMSE) ≤ 30 %, |NMBE| ≤ 10 %;
 *   <li>EnPI Lite: R² ≥ 0.5, model F-test p &lt; 0.10, at least one driver with p &lt; 0.10 (a
 *       driver with p ≥ 0.20 is a warning);
 *   <li>data: at least {@value DataSufficiency#MIN_SAMPLES} complete hours (else training is
 *       refused) and more than 90 % of the period's hours present (CalTRACK).
 * </ul>
 *
 * A driver present in at most 10 % of the hours, or constant over the period, is dropped with the
 * reason (the original's rule; a constant driver would make the fit singular). Hours missing any
 * kept driver are left out. Pure function of its input; thread-safe.
 */
public final class BaselineTrainer {
  public static final double MAX_CV_RMSE_PERCENT = 30.0;
  public static final double MAX_ABS_NMBE_PERCENT = 10.0;
  public static final double MIN_R_SQUARED = 0.5;
  public static final double MAX_MODEL_P = 0.10;
  public static final double MAX_BEST_DRIVER_P = 0.10;
  public static final double WEAK_DRIVER_P = 0.20;

  private static final double MIN_PRESENT_SHARE = 0.10;

  /**
   * Trains on the hours of {@code [start, end)}.
   *
   * @param drivers requested driver names or aliases; empty for {@link Features#DEFAULT_DRIVERS}
   * @throws BaselineException for an unknown driver, no usable driver or too few complete hours
   */
  public TrainingResult train(
      List<HourlySample> history, List<String> drivers, Instant start, Instant end) {
    List<String> requested = resolve(drivers);
    List<HourlySample> samples =
        history.stream()
            .filter(s -> !s.hour().isBefore(start) && s.hour().isBefore(end))
            .filter(s -> Double.isFinite(s.energyKwh()))
            .sorted(Comparator.comparing(HourlySample::hour))
            .toList();
    if (samples.size() < DataSufficiency.MIN_SAMPLES) {
      throw new BaselineException(
          BaselineException.Kind.INSUFFICIENT_DATA,
          "Insufficient data: "
              + samples.size()
              + " hours with energy data between "
              + start
              + " and "
              + end
              + ", at least "
              + DataSufficiency.MIN_SAMPLES
              + " needed");
    }

    List<String> dropped = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (String feature : requested) {
      long present =
          samples.stream()
              .filter(s -> Features.value(feature, s.columns(), s.hour()).isPresent())
              .count();
      if (present <= MIN_PRESENT_SHARE * samples.size()) {
        dropped.add(feature + ": present in " + present + " of " + samples.size() + " hours");
      } else {
        kept.add(feature);
      }
    }

    List<HourlySample> complete =
        samples.stream()
            .filter(
                s ->
                    kept.stream()
                        .allMatch(f -> Features.value(f, s.columns(), s.hour()).isPresent()))
            .toList();
    for (var it = kept.iterator(); it.hasNext(); ) {
      String feature = it.next();
      var distinct = new TreeSet<Double>();
      complete.forEach(s -> distinct.add(value(feature, s)));
      if (distinct.size() < 2) {
        dropped.add(feature + ": constant over the period");
        it.remove();
      }
    }
    if (kept.isEmpty()) {
      throw new BaselineException(
          BaselineException.Kind.NO_USABLE_DRIVER,
          "No usable driver among " + requested + " in this period (" + dropped + ")");
    }
    if (complete.size() < DataSufficiency.MIN_SAMPLES) {
      throw new BaselineException(
          BaselineException.Kind.INSUFFICIENT_DATA,
          "Insufficient data: "
              + complete.size()
              + " hours have every driver of "
              + kept
              + ", at least "
              + DataSufficiency.MIN_SAMPLES
              + " needed");
    }
    return fit(complete, kept, dropped, start, end, samples.size());
  }

  private static TrainingResult fit(
      List<HourlySample> rows,
      List<String> features,
      List<String> dropped,
      Instant start,
      Instant end,
      int hoursWithEnergy) {
    int n = rows.size();
    int k = features.size();
    double[][] x = new double[n][k];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        x[i][j] = value(features.get(j), rows.get(i));
      }
      y[i] = rows.get(i).energyKwh();
    }
    OlsSolver.Fit fit = OlsSolver.fit(x, y, features);

    Map<String, Double> coefficients = new LinkedHashMap<>();
    Map<String, Double> pValues = new LinkedHashMap<>();
    Map<String, FeatureRange> ranges = new LinkedHashMap<>();
    for (int j = 0; j < k; j++) {
      coefficients.put(features.get(j), fit.coefficients()[j]);
      if (fit.pValues() != null) {
        pValues.put(features.get(j), fit.pValues()[j]);
      }
      ranges.put(features.get(j), range(x, j));
    }

    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double sse = 0;
    double sae = 0;
    double bias = 0;
    double sst = 0;
    for (int i = 0; i < n; i++) {
      double predicted = fit.intercept();
      for (int j = 0; j < k; j++) {
        predicted += fit.coefficients()[j] * x[i][j];
      }
      double residual = y[i] - predicted;
      sse += residual * residual;
      sae += Math.abs(residual);
      bias += residual;
      sst += (y[i] - mean) * (y[i] - mean);
    }
    int p = k + 1;
    int dof = Math.max(1, n - p);
    double rSquared = sst == 0 ? 0 : 1 - sse / sst;
    double adjusted = 1 - (1 - rSquared) * (n - 1) / dof;
    double residualStd = Math.sqrt(sse / dof);
    double cvRmse = mean == 0 ? Double.POSITIVE_INFINITY : residualStd / mean * 100;
    double nmbe = mean == 0 ? Double.POSITIVE_INFINITY : bias / (dof * mean) * 100;
    FitQuality quality =
        new FitQuality(
            rSquared,
            adjusted,
            Math.sqrt(sse / n),
            sae / n,
            cvRmse,
            nmbe,
            residualStd,
            fit.modelPValue(),
            pValues);

    long expectedHours = Math.max(1, Duration.between(start, end).toHours());
    DataSufficiency sufficiency =
        new DataSufficiency(
            n, expectedHours, Math.min(100.0, 100.0 * hoursWithEnergy / expectedHours));
    return new TrainingResult(
        new BaselineModel(coefficients, fit.intercept(), residualStd, ranges),
        quality,
        sufficiency,
        judge(quality, sufficiency),
        rows.get(0).hour(),
        rows.get(n - 1).hour(),
        dropped);
  }

  /** Applies the thresholds of the class comment. */
  static Validity judge(FitQuality q, DataSufficiency d) {
    List<String> reasons = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (!(q.cvRmsePercent() <= MAX_CV_RMSE_PERCENT)) {
      reasons.add(
          fmt(
              "CV(RMSE) %.1f %% exceeds %.0f %% (ASHRAE Guideline 14, hourly)",
              q.cvRmsePercent(), MAX_CV_RMSE_PERCENT));
    }
    if (!(Math.abs(q.nmbePercent()) <= MAX_ABS_NMBE_PERCENT)) {
      reasons.add(
          fmt(
              "|NMBE| %.1f %% exceeds %.0f %% (ASHRAE Guideline 14, hourly)",
              Math.abs(q.nmbePercent()), MAX_ABS_NMBE_PERCENT));
    }
    if (q.rSquared() < MIN_R_SQUARED) {
      reasons.add(fmt("R² %.3f is below %.1f (EnPI Lite)", q.rSquared(), MIN_R_SQUARED));
    }
    if (q.modelPValue() != null && q.modelPValue() >= MAX_MODEL_P) {
      reasons.add(
          fmt("model F-test p = %.3f is not below %.2f (EnPI Lite)", q.modelPValue(), MAX_MODEL_P));
    }
    if (!q.pValues().isEmpty()) {
      Optional<Double> best = q.pValues().values().stream().min(Double::compare);
      if (best.isPresent() && best.get() >= MAX_BEST_DRIVER_P) {
        reasons.add(fmt("no driver has p < %.2f (EnPI Lite)", MAX_BEST_DRIVER_P));
      }
      q.pValues()
          .forEach(
              (feature, p) -> {
                if (p >= WEAK_DRIVER_P) {
                  warnings.add(
                      fmt("%s is weak: p = %.3f ≥ %.2f (EnPI Lite)", feature, p, WEAK_DRIVER_P));
                }
              });
    }
    if (d.hoursPresentPercent() <= DataSufficiency.MIN_HOURS_PRESENT_PERCENT) {
      reasons.add(
          fmt(
              "only %.1f %% of the period's hours have data, more than %.0f %% needed (CalTRACK)",
              d.hoursPresentPercent(), DataSufficiency.MIN_HOURS_PRESENT_PERCENT));
    }
    return new Validity(reasons.isEmpty(), reasons, warnings);
  }

  private static List<String> resolve(List<String> drivers) {
    if (drivers == null || drivers.isEmpty()) {
      return Features.DEFAULT_DRIVERS;
    }
    var resolved = new LinkedHashSet<String>();
    var unknown = new ArrayList<String>();
    for (String d : drivers) {
      Features.canonical(d).ifPresentOrElse(resolved::add, () -> unknown.add(d));
    }
    if (!unknown.isEmpty()) {
      throw new BaselineException(
          BaselineException.Kind.UNKNOWN_DRIVER,
          "Unknown drivers " + unknown + "; known drivers are " + new TreeSet<>(Features.known()));
    }
    return List.copyOf(resolved);
  }

  private static double value(String feature, HourlySample s) {
    return Features.value(feature, s.columns(), s.hour()).orElseThrow();
  }

  private static FeatureRange range(double[][] x, int column) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (double[] row : x) {
      min = Math.min(min, row[column]);
      max = Math.max(max, row[column]);
      sum += row[column];
    }
    double mean = sum / x.length;
    double squares = 0;
    for (double[] row : x) {
      squares += (row[column] - mean) * (row[column] - mean);
    }
    return new FeatureRange(min, max, mean, Math.sqrt(squares / Math.max(1, x.length - 1)));
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
