package org.enms.analytics.baseline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where hourly analyses must stop: at the start of the current hour, and no later than the roll-ups
 * have reached. A partial hour looks like a drop in energy; stored as an anomaly it would never be
 * corrected (detection is idempotent), and in training it would bias the model.
 */
public final class CompleteHours {
  private final Clock clock;
  private final Duration rollupLag;

  /** {@code rollupLag}: how far roll-ups trail the clock (settle delay plus refresh interval). */
  public CompleteHours(Clock clock, Duration rollupLag) {
    this.clock = clock;
    this.rollupLag = rollupLag;
  }

  /** {@code end} clamped to the last complete hour available in the roll-ups. */
  public Instant clamp(Instant end) {
    Instant available = clock.instant().minus(rollupLag).truncatedTo(ChronoUnit.HOURS);
    return end.isAfter(available) ? available : end;
  }
}
