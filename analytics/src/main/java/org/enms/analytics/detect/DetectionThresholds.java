package org.enms.analytics.detect;

import java.time.Duration;

/**
 * The live detector's thresholds; the entity reads them from {@code enms.machine.detection} and
 * {@link #DEFAULT} holds the same values for tests and tools.
 *
 * @param warningZ a spike or drop is raised from |z| ≥ this
 * @param criticalZ and is critical from |z| ≥ this (also what escalates a warning)
 * @param normalZ a spike or drop counts as normal again below this |z|
 * @param cusumK the drift CUSUM's allowance per minute, σ
 * @param cusumH the drift CUSUM's alarm level, σ
 * @param driftNormalZ a drift is over when the minute-mean residual stays within this many σ
 * @param driftResolveMinutes for this many consecutive minutes
 * @param debounce how long a condition must hold to be raised and to be resolved
 * @param silentAfterIntervals an active machine is silent after this many reporting intervals
 * @param aboveRatedRaise above rated power is raised above this fraction of the rated power
 * @param aboveRatedResolve and resolved at or below this fraction
 * @param aboveRatedCritical and critical (or escalated) above this fraction
 * @param stoppedRaiseKw power while reported stopped is raised above this, kW
 * @param stoppedResolveKw and resolved at or below this, kW
 */
public record DetectionThresholds(
    double warningZ,
    double criticalZ,
    double normalZ,
    double cusumK,
    double cusumH,
    double driftNormalZ,
    int driftResolveMinutes,
    Debouncing debounce,
    int silentAfterIntervals,
    double aboveRatedRaise,
    double aboveRatedResolve,
    double aboveRatedCritical,
    double stoppedRaiseKw,
    double stoppedResolveKw) {

  /**
   * A condition is raised when it held for {@code raiseReadings} consecutive readings, or for
   * {@code raiseAfter} over two or more; resolved likewise (see {@link Debounce}).
   */
  public record Debouncing(
      int raiseReadings, Duration raiseAfter, int resolveReadings, Duration resolveAfter) {
    public Debouncing {
      require(raiseReadings >= 1, "debounce.raise-readings must be at least 1");
      require(resolveReadings >= 1, "debounce.resolve-readings must be at least 1");
      require(
          !raiseAfter.isNegative() && !resolveAfter.isNegative(),
          "debounce durations must not be negative");
    }

    Debounce create() {
      return new Debounce(raiseReadings, raiseAfter, resolveReadings, resolveAfter);
    }
  }

  /** The values of {@code machine-actors}' reference.conf (a test keeps them in step). */
  public static final DetectionThresholds DEFAULT =
      new DetectionThresholds(
          4.0,
          8.0,
          3.0,
          0.5,
          8.0,
          1.0,
          5,
          new Debouncing(3, Duration.ofSeconds(30), 60, Duration.ofSeconds(120)),
          6,
          1.1,
          1.0,
          1.3,
          5.0,
          2.5);

  public DetectionThresholds {
    require(normalZ > 0 && normalZ < warningZ, "z.normal must be above 0 and below z.warning");
    require(criticalZ >= warningZ, "z.critical must not be below z.warning");
    require(cusumK >= 0 && cusumH > 0, "cusum.k must not be negative and cusum.h must be positive");
    require(driftNormalZ > 0, "drift.normal-z must be positive");
    require(driftResolveMinutes >= 1, "drift.resolve-minutes must be at least 1");
    require(silentAfterIntervals >= 1, "silent-after-intervals must be at least 1");
    require(
        aboveRatedResolve > 0
            && aboveRatedResolve <= aboveRatedRaise
            && aboveRatedCritical >= aboveRatedRaise,
        "above-rated needs 0 < resolve ≤ raise ≤ critical");
    require(
        stoppedResolveKw >= 0 && stoppedResolveKw <= stoppedRaiseKw,
        "power-while-stopped needs 0 ≤ resolve-below-kw ≤ raise-above-kw");
  }

  PageCusum cusum() {
    return new PageCusum(cusumK, cusumH, PageCusum.STANDARD_CLAMP);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
