package org.enms.analytics.detect;

import java.time.Instant;

/**
 * A machine's residual spread ({@link ResidualSpread}) learned apart for each hour of the day, on
 * weekdays and at weekends (48 contexts, UTC like the profile's slots), beside the machine-wide
 * one. A machine's variability depends on when it is: a chiller cycling between a 0.1-kW stage and
 * its 7.5-kW standby on weekend nights is far noisier around its hourly mean than on a weekday
 * afternoon, and one machine-wide spread made its weekend nights a stream of false drops while
 * blunting its weekdays.
 *
 * <p>A context starts from the machine-wide spread and its own is trusted once it learned {@code
 * warmUp} values; until then the wider of the two applies, so a context seen for the first time is
 * judged no more finely than the machine as a whole, and is not left unwatched for a week. Its
 * first hour can still raise on its own noise when that is far wider than the machine's (a
 * chiller's first weekend night). About 0.6 KB; a detector holds three. Not thread-safe.
 */
final class HourlySpreads {
  static final int CONTEXTS = 48;

  private final ResidualSpread all;
  private final double[] sigma = new double[CONTEXTS];
  private final int[] n = new int[CONTEXTS];
  private final double floor;
  private final int memory;
  private final int warmUp;
  private final int priorWeight;

  /**
   * @param prior the machine-wide σ before any value is learned, ln units
   * @param floor σ never below this
   * @param memory values each estimate averages over, once learned
   * @param warmUp values a context learns before its own spread replaces the machine-wide one
   * @param priorWeight values the machine-wide spread is worth as a context's prior: enough that a
   *     context's first values, which may be an anomaly's, do not swing it
   */
  HourlySpreads(double prior, double floor, int memory, int warmUp, int priorWeight) {
    this.all = new ResidualSpread(prior, floor, memory);
    this.floor = floor;
    this.memory = memory;
    this.warmUp = warmUp;
    this.priorWeight = priorWeight;
  }

  /** The context of {@code time}: hour of day, plus 24 on Saturdays and Sundays. */
  static int context(Instant time) {
    int slot = RobustProfile.slot(time);
    return (slot >= 5 * 24 ? 24 : 0) + slot % 24;
  }

  void learn(int context, double residual) {
    if (!Double.isFinite(residual)) {
      return;
    }
    if (n[context] == 0) {
      sigma[context] = all.sigma(); // the machine-wide spread is its prior
    }
    all.learn(residual);
    n[context]++;
    sigma[context] =
        ResidualSpread.updated(sigma[context], n[context] + priorWeight, residual, floor, memory);
  }

  /** Whether {@code context} has not yet learned enough to be trusted on its own. */
  boolean warmingUp(int context) {
    return n[context] < warmUp;
  }

  /** The spread that applies in {@code context}, ln units. */
  double sigma(int context) {
    return n[context] >= warmUp ? sigma[context] : Math.max(sigma[context], all.sigma());
  }

  /** Values learned in all contexts together. */
  long learned() {
    return all.learned();
  }
}
