package org.enms.analytics.forecast;

import java.util.Arrays;
import smile.stat.distribution.GaussianDistribution;

/**
 * Interval bounds from past normalised errors, split-conformal style: the bounds are order
 * statistics of the scores, with the finite-sample rank {@code ⌈(n + 1)(1 − α/2)⌉}, so the interval
 * covers a new error with the nominal probability when errors are exchangeable. Without any error,
 * a normal distribution with the given typical error stands in.
 */
final class Conformal {
  private Conformal() {}

  /**
   * Lower and upper error bounds for {@code level} from the first {@code n} errors (sorted here).
   *
   * @param typical the standard deviation assumed when {@code n} is 0
   */
  static double[] bounds(double[] scores, int n, double level, double typical) {
    if (level <= 0 || level >= 1) {
      throw new IllegalArgumentException("level must lie in (0, 1): " + level);
    }
    double tail = (1 - level) / 2;
    if (n == 0) {
      double z = GaussianDistribution.getInstance().quantile(1 - tail) * typical;
      return new double[] {-z, z};
    }
    Arrays.sort(scores, 0, n);
    // The margin keeps ranks like 20 · 0.1 from rounding the wrong way.
    int upper = (int) Math.ceil((n + 1) * (1 - tail) - 1e-9);
    int lower = (int) Math.floor((n + 1) * tail + 1e-9);
    return new double[] {scores[Math.max(lower, 1) - 1], scores[Math.min(upper, n) - 1]};
  }
}
