package org.enms.analytics.performance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a model's R² is heading across its evaluations: the least-squares slope of R² against
 * evaluation time. The original regressed R² on the evaluations' index and divided by the days
 * spanned, so irregular evaluations distorted the rate; here time is the regressor.
 *
 * @param direction improving, stable or degrading
 * @param degradationRate slope, R² percentage points per day (negative: degrading), as the
 *     original's field
 */
public record AccuracyTrend(String direction, double degradationRate) {
  /** A slope of less than this much R² per day either way is stable (the original's 0.001). */
  static final double STABLE_SLOPE_PER_DAY = 0.001;

  /** One evaluation: when, and its R² (null when undefined; such evaluations are skipped). */
  public record Point(Instant at, Double rSquared) {}

  public static AccuracyTrend of(List<Point> evaluations) {
    List<Point> usable = evaluations.stream().filter(p -> p.rSquared() != null).toList();
    if (usable.size() < 2) {
      return new AccuracyTrend("stable", 0);
    }
    Instant origin = usable.get(0).at();
    int n = usable.size();
    double[] x = new double[n];
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < n; i++) {
      x[i] = Duration.between(origin, usable.get(i).at()).toMillis() / 86_400_000.0;
      meanX += x[i];
      meanY += usable.get(i).rSquared();
    }
    meanX /= n;
    meanY /= n;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - meanX) * (usable.get(i).rSquared() - meanY);
      sxx += (x[i] - meanX) * (x[i] - meanX);
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    String direction =
        slope < -STABLE_SLOPE_PER_DAY
            ? "degrading"
            : slope > STABLE_SLOPE_PER_DAY ? "improving" : "stable";
    return new AccuracyTrend(direction, slope * 100);
  }
}
