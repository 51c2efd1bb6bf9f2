package org.enms.analytics.detect;

/**
 * A robust spread of a machine's log residuals ln(actual / expected), learned from its own normal
 * values: 1.2533 × the mean absolute residual (σ for normal data), each value winsorised at 4 of
 * the current σ so that an undetected fault does not inflate it. It starts from a prior worth
 * {@value #PRIOR_WEIGHT} values, a running mean until {@code memory} values, then an exponential
 * average over about {@code memory}. A cycling machine learns a wide spread, a steady one a narrow
 * one: the same threshold in σ then means the same rarity for both.
 */
final class ResidualSpread {
  private static final double MEAN_ABS_TO_SIGMA = 1.2533;
  private static final int PRIOR_WEIGHT = 20;

  private final double floor;
  private final int memory;
  private double sigma;
  private long n;

  /**
   * @param prior σ before any value is learned
   * @param floor σ never below this
   * @param memory values an estimate averages over, once learned
   */
  ResidualSpread(double prior, double floor, int memory) {
    this.sigma = prior;
    this.floor = floor;
    this.memory = memory;
  }

  void learn(double residual) {
    if (!Double.isFinite(residual)) {
      return;
    }
    n++;
    sigma = updated(sigma, n + PRIOR_WEIGHT, residual, floor, memory);
  }

  /**
   * σ after learning {@code residual} (finite) with weight 1 / min({@code weight}, {@code memory}):
   * {@code weight} is the values learned so far plus those the prior is worth. Never below floor.
   */
  static double updated(double sigma, long weight, double residual, double floor, int memory) {
    double a = Math.min(Math.abs(residual), 4 * sigma) * MEAN_ABS_TO_SIGMA;
    double w = 1.0 / Math.min(weight, memory);
    return Math.max(floor, sigma + (a - sigma) * w);
  }

  double sigma() {
    return sigma;
  }

  /** Values learned so far. */
  long learned() {
    return n;
  }
}
