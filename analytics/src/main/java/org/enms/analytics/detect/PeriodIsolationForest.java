package org.enms.analytics.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.enms.analytics.baseline.Features;
import org.enms.analytics.baseline.HourlySample;
import org.enms.analytics.baseline.ResidualAnomaly;
import smile.anomaly.IsolationForest;
import smile.math.MathEx;

/**
 * Batch anomaly detection for a machine nobody has trained a baseline for, as the original does it:
 * an isolation forest (Smile's) fitted on the period's own hours and scoring them, with {@code
 * contamination} the share of hours it may flag.
 *
 * <p>Features per hour: the energy used, the hour of day (as sine and cosine, so 23:00 is next to
 * 00:00), weekday or weekend, and the production count when every hour has one. A feature constant
 * over the period is left out.
 *
 * <p>Unlike the original, a flagged hour is kept only if its energy also departs from the period's
 * usual energy at that hour of day by at least {@link #WARNING_Z} robust standard deviations
 * (median and 1.4826·MAD, floored like {@link RobustProfile}); otherwise a clean period would still
 * yield a {@code contamination} share of false alarms. That departure names the type (spike or
 * drop), the severity and the expected value; the forest's score (0–1, higher is more isolated) is
 * the confidence.
 *
 * <p>Deterministic: the forest is grown on one thread with a fixed seed (the original's {@code
 * random_state=42}), so running the same period twice flags the same hours. Thread-safe.
 */
public final class PeriodIsolationForest {
  public static final String METHOD = "isolation_forest";
  public static final double WARNING_Z = 2.0;
  public static final double CRITICAL_Z = 3.0;

  /** Fewer hours than this give the forest nothing to isolate against. */
  public static final int MIN_HOURS = 24;

  static final int TREES = 100;
  static final double SAMPLING_RATE = 0.7;
  static final long SEED = 42;

  /** Hours of the same hour of day needed before they, not the whole period, give the norm. */
  static final int MIN_PEERS = 3;

  private final RobustProfile.Floor floor;

  public PeriodIsolationForest() {
    this(RobustProfile.Floor.DEFAULT);
  }

  /** {@code floor}: lower bound of σ, applied to hourly energy (kWh in an hour = average kW). */
  public PeriodIsolationForest(RobustProfile.Floor floor) {
    this.floor = floor;
  }

  /**
   * The period's anomalous hours in time order.
   *
   * @param contamination share of hours the forest may flag, 0–0.5; 0 flags none
   */
  public List<ResidualAnomaly> detect(List<HourlySample> hours, double contamination) {
    if (!(contamination >= 0 && contamination <= 0.5)) {
      throw new IllegalArgumentException("contamination must be within 0–0.5: " + contamination);
    }
    List<HourlySample> ordered =
        hours.stream()
            .filter(h -> Double.isFinite(h.energyKwh()))
            .sorted(Comparator.comparing(HourlySample::hour))
            .toList();
    int flaggable = (int) Math.floor(contamination * ordered.size());
    if (ordered.size() < MIN_HOURS || flaggable == 0) {
      return List.of();
    }
    double[][] x = features(ordered);
    double[] scores = scores(x);
    double threshold =
        Arrays.stream(scores).boxed().sorted(Comparator.reverseOrder()).toList().get(flaggable - 1);

    List<ResidualAnomaly> found = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      if (scores[i] < threshold) {
        continue;
      }
      HourlySample h = ordered.get(i);
      double[] norm = norm(ordered, hourOfDay(h.hour()));
      double z = (h.energyKwh() - norm[0]) / norm[1];
      if (Math.abs(z) < WARNING_Z) {
        continue;
      }
      found.add(
          new ResidualAnomaly(
              h.hour(),
              z > 0 ? "spike" : "drop",
              Math.abs(z) >= CRITICAL_Z ? "critical" : "warning",
              h.energyKwh(),
              norm[0],
              z,
              Math.min(1, Math.max(0, scores[i])),
              METHOD));
    }
    return found;
  }

  /** Median and floored robust σ of the energy of the hours at {@code hourOfDay}, or of all. */
  private double[] norm(List<HourlySample> hours, int hourOfDay) {
    double[] peers =
        hours.stream()
            .filter(h -> hourOfDay(h.hour()) == hourOfDay)
            .mapToDouble(HourlySample::energyKwh)
            .toArray();
    if (peers.length < MIN_PEERS) {
      peers = hours.stream().mapToDouble(HourlySample::energyKwh).toArray();
    }
    double median = median(peers);
    double[] deviations = Arrays.stream(peers).map(v -> Math.abs(v - median)).toArray();
    double sigma = RobustProfile.MAD_TO_SIGMA * median(deviations);
    return new double[] {median, floor.apply(median, sigma)};
  }

  private static double[][] features(List<HourlySample> hours) {
    boolean production = hours.stream().allMatch(h -> h.columns().get(Features.PRODUCTION) != null);
    double[][] all = new double[hours.size()][];
    for (int i = 0; i < hours.size(); i++) {
      HourlySample h = hours.get(i);
      double angle = 2 * Math.PI * hourOfDay(h.hour()) / 24.0;
      int slot = RobustProfile.slot(h.hour());
      double weekend = slot >= 5 * 24 ? 1 : 0;
      all[i] =
          production
              ? new double[] {
                h.energyKwh(),
                Math.sin(angle),
                Math.cos(angle),
                weekend,
                h.columns().get(Features.PRODUCTION)
              }
              : new double[] {h.energyKwh(), Math.sin(angle), Math.cos(angle), weekend};
    }
    return withoutConstantColumns(all);
  }

  private static double[][] withoutConstantColumns(double[][] x) {
    int width = x[0].length;
    List<Integer> varying = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      final int column = c;
      double min = Arrays.stream(x).mapToDouble(r -> r[column]).min().orElse(0);
      double max = Arrays.stream(x).mapToDouble(r -> r[column]).max().orElse(0);
      if (max > min) {
        varying.add(c);
      }
    }
    if (varying.isEmpty()) {
      varying.add(0);
    }
    double[][] out = new double[x.length][varying.size()];
    for (int r = 0; r < x.length; r++) {
      for (int c = 0; c < varying.size(); c++) {
        out[r][c] = x[r][varying.get(c)];
      }
    }
    return out;
  }

  /**
   * Smile grows the trees in a parallel stream, each drawing from its thread's generator; on a pool
   * of one freshly seeded thread the draws, and so the forest, are the same every time.
   */
  private static double[] scores(double[][] x) {
    int depth = (int) Math.ceil(Math.log(Math.max(2, SAMPLING_RATE * x.length)) / Math.log(2));
    ForkJoinPool pool = new ForkJoinPool(1);
    try {
      return pool.submit(
              () -> {
                MathEx.setSeed(SEED);
                IsolationForest forest = IsolationForest.fit(x, TREES, depth, SAMPLING_RATE, 0);
                return forest.score(x);
              })
          .join();
    } finally {
      pool.shutdown();
    }
  }

  private static int hourOfDay(Instant hour) {
    return (int) Math.floorMod(Math.floorDiv(hour.getEpochSecond(), 3600), 24);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    if (n == 0) {
      return 0;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
