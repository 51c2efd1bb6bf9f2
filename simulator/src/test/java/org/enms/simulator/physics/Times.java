package org.enms.simulator.physics;

import java.time.Instant;

/** Reference instants (UTC) for deterministic physics tests. */
final class Times {
  /** Wednesday 10:00, first shift, winter. */
  static final Instant WEEKDAY_DAY = Instant.parse("2025-01-15T10:00:00Z");

  /** Wednesday 02:00, night shift. */
  static final Instant WEEKDAY_NIGHT = Instant.parse("2025-01-15T02:00:00Z");

  /** Saturday 10:00. */
  static final Instant WEEKEND = Instant.parse("2025-01-18T10:00:00Z");

  /** Wednesday 10:00 in July. */
  static final Instant SUMMER_DAY = Instant.parse("2025-07-16T10:00:00Z");

  private Times() {}
}
