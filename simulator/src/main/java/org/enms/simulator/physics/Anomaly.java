package org.enms.simulator.physics;

import java.time.Duration;
import java.time.Instant;

/**
 * An injected anomaly with a known window, so a test can check that a detector flags exactly {@code
 * [startsAt, endsAt)}.
 *
 * @param severity 1.0–5.0, the power factor at full effect
 */
public record Anomaly(AnomalyKind kind, double severity, Instant startsAt, Instant endsAt) {
  public static final double MIN_SEVERITY = 1.0;
  public static final double MAX_SEVERITY = 5.0;
  public static final Duration MIN_DURATION = Duration.ofSeconds(10);
  public static final Duration MAX_DURATION = Duration.ofSeconds(3600);

  public Anomaly {
    if (!(severity >= MIN_SEVERITY && severity <= MAX_SEVERITY)) {
      throw new IllegalArgumentException("severity must be between 1.0 and 5.0");
    }
    Duration duration = Duration.between(startsAt, endsAt);
    if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException("duration must be between 10 and 3600 seconds");
    }
  }

  public static Anomaly starting(AnomalyKind kind, double severity, Instant at, Duration duration) {
    return new Anomaly(kind, severity, at, at.plus(duration));
  }

  public boolean isActiveAt(Instant time) {
    return !time.isBefore(startsAt) && time.isBefore(endsAt);
  }

  public boolean hasEndedAt(Instant time) {
    return !time.isBefore(endsAt);
  }

  /** What the anomaly does to a tick at {@code time}; {@link AnomalyInfluence#NONE} outside it. */
  public AnomalyInfluence influenceAt(Instant time) {
    if (!isActiveAt(time)) {
      return AnomalyInfluence.NONE;
    }
    double progress =
        (double) Duration.between(startsAt, time).toMillis()
            / Duration.between(startsAt, endsAt).toMillis();
    return new AnomalyInfluence(kind, kind.effect().factor(severity, progress));
  }
}
