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
   * Trains a driver regression on the hours of {@code [start, end)}, or a time-of-week model when
   * no driver is usable (see {@link TrainingSpec}).
   *
   * @param drivers requested driver names or aliases; empty for {@link Features#DEFAULT_DRIVERS}
   * @throws BaselineException for an unknown driver, no usable driver or too few complete hours
   */
  public TrainingResult train(
      List<HourlySample> history, List<String> drivers, Instant start, Instant end) {
    return train(history, TrainingSpec.of(drivers), start, end);
  }

  /**
   * Trains the model {@code spec} asks for on the hours of {@code [start, end)}.
   *
   * @throws BaselineException for an unknown driver, no usable driver (or no temperature for {@link
   *     ModelType#TOWT}) or too few complete hours
   */
  public TrainingResult train(
      List<HourlySample> history, TrainingSpec spec, Instant start, Instant end) {
    OperatingCalendar calendar = spec.calendar();
    List<String> requested = resolve(spec.drivers(), calendar);
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
    ModelType type = spec.modelType();
    List<String> dropped = new ArrayList<>();
    if (type == null || type == ModelType.OLS) {
      Selection ols = select(samples, requested, calendar);
      // Drivers named by the caller are a request for a regression on them: refuse rather than
      // answer with a different model.
      if (!ols.kept().isEmpty() || type == ModelType.OLS || !spec.drivers().isEmpty()) {
        return trainOls(samples, requested, ols, calendar, start, end);
      }
      dropped.addAll(ols.dropped());
      type = usable(samples, Features.OUTDOOR_TEMP, calendar) ? ModelType.TOWT : ModelType.TOW;
    } else if (!spec.drivers().isEmpty()) {
      dropped.add(
          "drivers "
              + requested
              + ": not used by the "
              + type.requestName()
              + " model, whose hour-of-week terms subsume the shift and weekday");
    }
    return trainTimeOfWeek(samples, type, calendar, dropped, start, end);
  }

  /** Requested drivers split into those usable over the samples and those not, with reasons. */
  private record Selection(List<String> kept, List<String> dropped, List<HourlySample> complete) {}

  private static Selection select(
      List<HourlySample> samples, List<String> requested, OperatingCalendar calendar) {
    List<String> dropped = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (String feature : requested) {
      long present =
          samples.stream()
              .filter(s -> Features.value(feature, s.columns(), s.hour(), calendar).isPresent())
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
                        .allMatch(
                            f -> Features.value(f, s.columns(), s.hour(), calendar).isPresent()))
            .toList();
    for (var it = kept.iterator(); it.hasNext(); ) {
      String feature = it.next();
      var distinct = new TreeSet<Double>();
      complete.forEach(s -> distinct.add(value(feature, s, calendar)));
      if (distinct.size() < 2) {
        dropped.add(feature + ": constant over the period");
        it.remove();
      }
    }
    return new Selection(kept, dropped, complete);
  }

  private static boolean usable(
      List<HourlySample> samples, String feature, OperatingCalendar calendar) {
    return !select(samples, List.of(feature), calendar).kept().isEmpty();
  }

  private static TrainingResult trainOls(
      List<HourlySample> samples,
      List<String> requested,
      Selection selection,
      OperatingCalendar calendar,
      Instant start,
      Instant end) {
    List<String> kept = selection.kept();
    List<HourlySample> complete = selection.complete();
    if (kept.isEmpty()) {
      throw new BaselineException(
          BaselineException.Kind.NO_USABLE_DRIVER,
          "No usable driver among " + requested + " in this period (" + selection.dropped() + ")");
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
    return fit(
        complete,
        kept,
        null,
        selection.dropped(),
        ModelType.OLS,
        calendar,
        start,
        end,
        samples.size());
  }

  /**
   * CalTRACK's hourly model without its occupancy split and month weighting: an intercept, one
   * indicator per hour of the week seen (the first seen is the reference, stored at 0), a holiday
   * indicator when the period has holidays, and for {@link ModelType#TOWT} a piecewise-linear
   * outdoor temperature on CalTRACK's knots (30, 45, 55, 65, 75, 90 °F, here -1, 7, 13, 18, 24, 32
   * °C), a knot kept only with at least {@value #MIN_SEGMENT_HOURS} hours on either side.
   */
  private static TrainingResult trainTimeOfWeek(
      List<HourlySample> samples,
      ModelType type,
      OperatingCalendar calendar,
      List<String> dropped,
      Instant start,
      Instant end) {
    List<HourlySample> rows = samples;
    List<String> features = new ArrayList<>();
    if (type == ModelType.TOWT) {
      rows = samples.stream().filter(s -> s.columns().get(Features.OUTDOOR_TEMP) != null).toList();
      if (!usable(samples, Features.OUTDOOR_TEMP, calendar)) {
        throw new BaselineException(
            BaselineException.Kind.NO_USABLE_DRIVER,
            "The towt model needs outdoor temperature ("
                + Features.OUTDOOR_TEMP
                + "), which is missing or constant in this period");
      }
    }
    var seen = new TreeSet<String>();
    rows.forEach(s -> seen.add(Features.timeOfWeek(s.hour())));
    List<String> hours = Features.timesOfWeek().stream().filter(seen::contains).toList();
    String reference = hours.get(0);
    features.addAll(hours.subList(1, hours.size()));
    long holidayHours = rows.stream().filter(s -> calendar.isHoliday(s.hour())).count();
    if (holidayHours > 0 && holidayHours < rows.size()) {
      features.add(Features.IS_HOLIDAY);
    }
    if (type == ModelType.TOWT) {
      features.addAll(segments(rows));
    }
    int parameters = features.size() + 1;
    if (rows.size() < Math.max(DataSufficiency.MIN_SAMPLES, 2 * parameters)) {
      throw new BaselineException(
          BaselineException.Kind.INSUFFICIENT_DATA,
          "Insufficient data: "
              + rows.size()
              + " hours for a "
              + type.requestName()
              + " model of "
              + parameters
              + " parameters, at least "
              + Math.max(DataSufficiency.MIN_SAMPLES, 2 * parameters)
              + " needed");
    }
    return fit(rows, features, reference, dropped, type, calendar, start, end, samples.size());
  }

  /** CalTRACK's temperature bin endpoints, 30/45/55/65/75/90 °F in whole °C. */
  static final double[] KNOTS_C = {-1, 7, 13, 18, 24, 32};

  static final int MIN_SEGMENT_HOURS = 20;

  private static List<String> segments(List<HourlySample> rows) {
    double[] temps =
        rows.stream().mapToDouble(s -> s.columns().get(Features.OUTDOOR_TEMP)).sorted().toArray();
    List<Double> knots = new ArrayList<>();
    double lower = Double.NEGATIVE_INFINITY;
    for (double k : KNOTS_C) {
      final double from = lower;
      long below = java.util.Arrays.stream(temps).filter(t -> t >= from && t < k).count();
      long above = java.util.Arrays.stream(temps).filter(t -> t >= k).count();
      if (below >= MIN_SEGMENT_HOURS && above >= MIN_SEGMENT_HOURS) {
        knots.add(k);
        lower = k;
      }
    }
    List<String> names = new ArrayList<>();
    double previous = Double.NaN;
    for (double k : knots) {
      names.add(Features.temperatureSegment(previous, k));
      previous = k;
    }
    names.add(Features.temperatureSegment(previous, Double.NaN));
    return names;
  }

  /**
   * @param reference the hour-of-week level the intercept stands for, stored with coefficient 0;
   *     null for none
   */
  private static TrainingResult fit(
      List<HourlySample> rows,
      List<String> features,
      String reference,
      List<String> dropped,
      ModelType type,
      OperatingCalendar calendar,
      Instant start,
      Instant end,
      int hoursWithEnergy) {
    int n = rows.size();
    int k = features.size();
    double[][] x = new double[n][k];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      HourlySample s = rows.get(i);
      String tow = Features.timeOfWeek(s.hour());
      for (int j = 0; j < k; j++) {
        String f = features.get(j);
        // The hour-of-week indicators directly: formatting the name per cell is slow for 168.
        x[i][j] = Features.isTimeOfWeek(f) ? (f.equals(tow) ? 1 : 0) : value(f, s, calendar);
      }
      y[i] = rows.get(i).energyKwh();
    }
    OlsSolver.Fit fit = OlsSolver.fit(x, y, features);

    Map<String, Double> coefficients = new LinkedHashMap<>();
    Map<String, Double> pValues = new LinkedHashMap<>();
    Map<String, FeatureRange> ranges = new LinkedHashMap<>();
    if (reference != null) {
      coefficients.put(reference, 0.0);
      double share =
          rows.stream().filter(r -> reference.equals(Features.timeOfWeek(r.hour()))).count()
              / (double) n;
      ranges.put(reference, new FeatureRange(0, 1, share, Math.sqrt(share * (1 - share))));
    }
    for (int j = 0; j < k; j++) {
      coefficients.put(features.get(j), fit.coefficients()[j]);
      if (fit.pValues() != null) {
        pValues.put(features.get(j), fit.pValues()[j]);
      }
      ranges.put(features.get(j), range(x, j));
    }

    double[] predicted = new double[n];
    for (int i = 0; i < n; i++) {
      predicted[i] = fit.intercept();
      for (int j = 0; j < k; j++) {
        predicted[i] += fit.coefficients()[j] * x[i][j];
      }
    }
    FitQuality quality = FitQuality.of(y, predicted, k + 1, fit.modelPValue(), pValues);
    double residualStd = quality.residualStd();

    long expectedHours = Math.max(1, Duration.between(start, end).toHours());
    DataSufficiency sufficiency =
        new DataSufficiency(
            n, expectedHours, Math.min(100.0, 100.0 * hoursWithEnergy / expectedHours));
    return new TrainingResult(
        new BaselineModel(coefficients, fit.intercept(), residualStd, ranges, type, calendar),
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
      // Not for the hour-of-week levels: 167 warnings would bury the rest, and a level close to
      // the reference hour's is no weakness of the model.
      q.pValues()
          .forEach(
              (feature, p) -> {
                if (p >= WEAK_DRIVER_P && !Features.isTimeOfWeek(feature)) {
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

  private static List<String> resolve(List<String> drivers, OperatingCalendar calendar) {
    if (drivers == null || drivers.isEmpty()) {
      return Features.DEFAULT_DRIVERS;
    }
    var resolved = new LinkedHashSet<String>();
    var unknown = new ArrayList<String>();
    for (String d : drivers) {
      Features.canonical(d)
          .ifPresentOrElse(
              name -> {
                if (name.equals(Features.SHIFT)) {
                  // One indicator per shift but the last, the level the intercept stands for.
                  for (int i = 1; i < calendar.shiftStarts().size(); i++) {
                    resolved.add(Features.shift(i));
                  }
                } else {
                  resolved.add(name);
                }
              },
              () -> unknown.add(d));
    }
    if (!unknown.isEmpty()) {
      throw new BaselineException(
          BaselineException.Kind.UNKNOWN_DRIVER,
          "Unknown drivers " + unknown + "; known drivers are " + new TreeSet<>(Features.known()));
    }
    return List.copyOf(resolved);
  }

  private static double value(String feature, HourlySample s, OperatingCalendar calendar) {
    return Features.value(feature, s.columns(), s.hour(), calendar).orElseThrow();
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
