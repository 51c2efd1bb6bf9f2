package org.enms.analytics;

import java.time.Duration;

/**
 * What {@link EnergyCounter} made of one register value.
 *
 * @param deltaKwh energy attributed to the reading, kWh; 0 unless {@code kind} counts energy
 * @param kind how the value related to the previous one
 * @param sinceLast time since the previously accepted reading; {@link Duration#ZERO} for the first
 *     reading and for readings that were not accepted
 * @param afterGap true when {@code sinceLast} exceeded the counter's gap threshold: the delta
 *     covers the whole gap and is attributed to this reading, not spread over the missing intervals
 */
public record CounterDelta(double deltaKwh, Kind kind, Duration sinceLast, boolean afterGap) {

  /** How a register value relates to the last accepted one. */
  public enum Kind {
    /** The first value seen: it only sets the baseline. */
    FIRST,
    /** The register grew (or stayed) as expected. */
    NORMAL,
    /** Same timestamp as the last accepted value: a redelivery, ignored. */
    DUPLICATE,
    /** Older than the last accepted value: ignored so nothing is counted twice. */
    OUT_OF_ORDER,
    /** The register dropped far below the last value: the meter restarted from 0. */
    RESET,
    /** The register wrapped past its maximum and started again from 0. */
    ROLLOVER;

    /** Whether the reading moved the counter's baseline forward. */
    public boolean accepted() {
      return this != DUPLICATE && this != OUT_OF_ORDER;
    }
  }
}
