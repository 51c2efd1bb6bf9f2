package org.enms.analytics.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds hours whose energy departs from a baseline. Each hour's residual (actual − expected) is
 * standardised by the model's residual standard error: |z| ≥ {@value #WARNING_Z} is a warning, ≥
 * {@value #CRITICAL_Z} critical, a {@code spike} when positive and a {@code drop} when negative.
 *
 * <p>A tabular (Page) CUSUM on the same z-scores, with reference value k = {@value #CUSUM_K} σ and
 * decision interval h = {@value #CUSUM_H} σ (Montgomery's design for a 1 σ shift), flags a
 * sustained shift too small for the point test as one {@code drift} anomaly at the hour the sum
 * crosses h; it flags again only after the sum has returned to zero. Hours already flagged as
 * spikes or drops do not feed the CUSUM, so one large spike is not also reported as drift.
 *
 * <p>This fixes the original, whose Isolation Forest was never fitted and stored every anomaly as
 * {@code unknown}/{@code normal}. Pure; thread-safe.
 */
public final class ResidualAnomalyDetector {
  public static final double WARNING_Z = 2.0;
  public static final double CRITICAL_Z = 3.0;
  public static final double CUSUM_K = 0.5;
  public static final double CUSUM_H = 5.0;
  public static final String METHOD_RESIDUAL = "baseline_residual";
  public static final String METHOD_CUSUM = "baseline_cusum";

  /** Anomalies among {@code hours} in time order; hours the model cannot evaluate are skipped. */
  public List<ResidualAnomaly> detect(BaselineModel model, List<HourlySample> hours) {
    if (!(model.residualStd() > 0)) {
      throw new BaselineException(
          BaselineException.Kind.NO_RESIDUAL_SPREAD,
          "the baseline has no residual spread to judge deviations by");
    }
    double sigma = model.residualStd();
    List<ResidualAnomaly> found = new ArrayList<>();
    Cusum up = new Cusum();
    Cusum down = new Cusum();
    List<HourlySample> ordered =
        hours.stream().sorted(Comparator.comparing(HourlySample::hour)).toList();
    for (HourlySample hour : ordered) {
      Optional<Double> expected = model.expected(hour);
      if (expected.isEmpty()) {
        continue;
      }
      double z = (hour.energyKwh() - expected.get()) / sigma;
      if (Math.abs(z) >= WARNING_Z) {
        found.add(
            new ResidualAnomaly(
                hour.hour(),
                z > 0 ? "spike" : "drop",
                Math.abs(z) >= CRITICAL_Z ? "critical" : "warning",
                hour.energyKwh(),
                expected.get(),
                z,
                coverage(z),
                METHOD_RESIDUAL));
        continue;
      }
      Optional<Double> upShift = up.add(z);
      Optional<Double> downShift = down.add(-z);
      upShift
          .or(() -> downShift.map(s -> -s))
          .ifPresent(
              shift ->
                  found.add(
                      new ResidualAnomaly(
                          hour.hour(),
                          "drift",
                          Math.abs(shift) >= CRITICAL_Z ? "critical" : "warning",
                          hour.energyKwh(),
                          expected.get(),
                          shift,
                          coverage(shift),
                          METHOD_CUSUM)));
    }
    return found;
  }

  /** One side of the tabular CUSUM, on values whose positive direction is the shift sought. */
  private static final class Cusum {
    private double sum;
    private double episodeSum;
    private int episodeHours;
    private boolean alarmed;

    /** Adds one standardised residual; returns the episode's shift statistic on an alarm. */
    Optional<Double> add(double z) {
      sum = Math.max(0, sum + z - CUSUM_K);
      if (sum == 0) {
        episodeSum = 0;
        episodeHours = 0;
        alarmed = false;
        return Optional.empty();
      }
      episodeSum += z;
      episodeHours++;
      if (!alarmed && sum > CUSUM_H) {
        alarmed = true;
        return Optional.of(episodeSum / Math.sqrt(episodeHours));
      }
      return Optional.empty();
    }
  }

  /** P(|Z| ≤ |z|) for a standard normal Z. */
  static double coverage(double z) {
    return erf(Math.abs(z) / Math.sqrt(2));
  }

  /** Abramowitz and Stegun 7.1.26; absolute error below 1.5e-7, ample for a confidence score. */
  private static double erf(double x) {
    double t = 1 / (1 + 0.3275911 * x);
    double poly =
        t
            * (0.254829592
                + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    return 1 - poly * Math.exp(-x * x);
  }
}
