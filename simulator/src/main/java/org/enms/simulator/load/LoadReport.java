package org.enms.simulator.load;

import java.time.Duration;

/**
 * Outcome of a load run.
 *
 * @param readings readings acknowledged by the broker
 * @param messages MQTT messages acknowledged (fewer than readings in batch mode)
 * @param failed messages not delivered
 */
public record LoadReport(long readings, long messages, long failed, Duration elapsed) {

  /** Acknowledged readings per second over the whole run. */
  public double readingsPerSecond() {
    return elapsed.isZero() ? 0 : readings * 1e9 / elapsed.toNanos();
  }

  @Override
  public String toString() {
    return String.format(
        "load done: %,d readings in %,d messages (%,d failed) in %.1f s = %,.0f readings/s",
        readings, messages, failed, elapsed.toMillis() / 1000.0, readingsPerSecond());
  }
}
