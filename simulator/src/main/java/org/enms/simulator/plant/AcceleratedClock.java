package org.enms.simulator.plant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time that starts at a past instant and runs {@code factor} times faster than {@code
 * wall}, never ahead of it. With the plant's speed-up set to the same factor, each tick of a
 * machine advances its timestamps by one nominal interval, so hours of a plant (e.g. the three
 * hours a drift detector learns before it may raise) pass in minutes of a test, and the ingest,
 * which refuses future readings, never sees one.
 */
public final class AcceleratedClock extends Clock {
  private final Clock wall;
  private final Instant from;
  private final Instant wallAtStart;
  private final double factor;

  /**
   * @param from the simulated instant at the wall clock's current instant; not in the future
   * @param factor simulated seconds per wall-clock second, at least 1
   */
  public AcceleratedClock(Clock wall, Instant from, double factor) {
    if (!(factor >= 1.0)) {
      throw new IllegalArgumentException("factor must be at least 1");
    }
    this.wall = wall;
    this.wallAtStart = wall.instant();
    if (from.isAfter(wallAtStart)) {
      throw new IllegalArgumentException("simulated time must not start in the future");
    }
    this.from = from;
    this.factor = factor;
  }

  @Override
  public Instant instant() {
    Instant now = wall.instant();
    long elapsedNanos = Duration.between(wallAtStart, now).toNanos();
    Instant simulated = from.plusNanos((long) (elapsedNanos * factor));
    return simulated.isAfter(now) ? now : simulated;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("simulated time is UTC");
  }
}
