package org.enms.db;

import java.time.Duration;
import java.time.Instant;

/**
 * Where periodic roll-up refreshes stop: the start of the minute {@code settle} before now, or
 * nowhere when {@code settle} is zero (every dirty range at once; tests use that).
 */
public final class RollupHorizon {
  private RollupHorizon() {}

  public static Instant settledBefore(Instant now, Duration settle) {
    if (settle.isZero()) {
      return Instant.MAX;
    }
    long minute = 60_000L;
    long t = now.minus(settle).toEpochMilli();
    return Instant.ofEpochMilli(Math.floorDiv(t, minute) * minute);
  }
}
