package org.enms.analytics;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns a meter's cumulative register (kWh) into per-reading deltas. It owns the last accepted
 * register value and its time; one instance per meter.
 *
 * <p>A value below the last one is jitter, a rollover or a reset. A drop of at most {@link
 * Limits#resetThresholdKwh()} is jitter (e.g. a re-read rounded differently): it counts nothing and
 * keeps the higher baseline so the energy is not counted twice when the register climbs back. A
 * larger drop from within {@link Limits#rolloverMarginKwh()} of the register maximum to within the
 * same margin of 0 is a rollover. Any other large drop is a reset: the meter restarted from 0, so
 * the new value is the energy since the restart. Gaps are not interpolated; the delta after a gap
 * belongs to the reading that ends it and is flagged so the caller can report it.
 */
public final class EnergyCounter {
  private final Limits limits;
  private boolean started;
  private long lastMillis;
  private double lastKwh;

  public EnergyCounter(Limits limits) {
    this.limits = limits;
  }

  /** A counter that continues from a value known from storage, e.g. after an entity restart. */
  public static EnergyCounter resumeFrom(Limits limits, Instant time, double registerKwh) {
    var counter = new EnergyCounter(limits);
    counter.started = true;
    counter.lastMillis = time.toEpochMilli();
    counter.lastKwh = registerKwh;
    return counter;
  }

  /** Accepts the register value read at {@code time} and says how much energy it adds. */
  public CounterDelta accept(Instant time, double registerKwh) {
    long millis = time.toEpochMilli();
    if (!started) {
      started = true;
      lastMillis = millis;
      lastKwh = registerKwh;
      return new CounterDelta(0, CounterDelta.Kind.FIRST, Duration.ZERO, false);
    }
    if (millis == lastMillis) {
      return new CounterDelta(0, CounterDelta.Kind.DUPLICATE, Duration.ZERO, false);
    }
    if (millis < lastMillis) {
      return new CounterDelta(0, CounterDelta.Kind.OUT_OF_ORDER, Duration.ZERO, false);
    }
    var sinceLast = Duration.ofMillis(millis - lastMillis);
    boolean afterGap = sinceLast.compareTo(limits.gapThreshold()) > 0;
    double delta;
    CounterDelta.Kind kind;
    if (registerKwh >= lastKwh) {
      delta = registerKwh - lastKwh;
      kind = CounterDelta.Kind.NORMAL;
    } else if (lastKwh - registerKwh <= limits.resetThresholdKwh()) {
      lastMillis = millis;
      return new CounterDelta(0, CounterDelta.Kind.NORMAL, sinceLast, afterGap);
    } else if (limits.registerMaxKwh() - lastKwh <= limits.rolloverMarginKwh()
        && registerKwh <= limits.rolloverMarginKwh()) {
      delta = limits.registerMaxKwh() - lastKwh + registerKwh;
      kind = CounterDelta.Kind.ROLLOVER;
    } else {
      delta = registerKwh;
      kind = CounterDelta.Kind.RESET;
    }
    lastMillis = millis;
    lastKwh = registerKwh;
    return new CounterDelta(delta, kind, sinceLast, afterGap);
  }

  /**
   * How a meter's register behaves.
   *
   * @param registerMaxKwh the value at which the register wraps to 0, kWh (e.g. 999,999.9)
   * @param rolloverMarginKwh a drop is a rollover only if the last value was at most this far below
   *     the maximum, kWh; it must exceed the most a meter can use between two readings
   * @param resetThresholdKwh a drop larger than this is a meter restart; smaller drops are jitter,
   *     kWh
   * @param gapThreshold readings further apart than this are reported as a gap
   */
  public record Limits(
      double registerMaxKwh,
      double rolloverMarginKwh,
      double resetThresholdKwh,
      Duration gapThreshold) {

    /** A 7-digit register with one decimal, a 1 % rollover margin, 1 kWh jitter, 5 min gaps. */
    public static final Limits DEFAULT = new Limits(999_999.9, 10_000, 1.0, Duration.ofMinutes(5));

    public Limits {
      if (registerMaxKwh <= 0 || rolloverMarginKwh < 0 || resetThresholdKwh < 0) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }
  }
}
