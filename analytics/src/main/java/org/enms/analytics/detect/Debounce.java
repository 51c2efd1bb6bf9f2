package org.enms.analytics.detect;

import java.time.Duration;
import java.time.Instant;

/**
 * One anomaly kind's state machine for one machine: normal → pending → active → clearing → normal.
 * A condition is raised only when it held for {@code raiseReadings} consecutive readings, or for at
 * least {@code raiseAfter} over two or more; it is resolved only when normal held likewise for
 * {@code clearReadings} or {@code clearAfter}. A reading that is neither clearly out nor clearly
 * normal (the hysteresis band) leaves the counters alone.
 */
public final class Debounce {
  /** Where the kind stands. */
  public enum Phase {
    NORMAL,
    PENDING,
    ACTIVE,
    CLEARING
  }

  /** What one observation changed. */
  public enum Change {
    NONE,
    RAISED,
    RESOLVED
  }

  private final int raiseReadings;
  private final long raiseAfterMillis;
  private final int clearReadings;
  private final long clearAfterMillis;

  private Phase phase = Phase.NORMAL;
  private int count;
  private long sinceMillis;
  private Instant onset;

  public Debounce(int raiseReadings, Duration raiseAfter, int clearReadings, Duration clearAfter) {
    this.raiseReadings = raiseReadings;
    this.raiseAfterMillis = raiseAfter.toMillis();
    this.clearReadings = clearReadings;
    this.clearAfterMillis = clearAfter.toMillis();
  }

  /** Raises on the first observation and resolves on the first normal one. */
  public static Debounce immediate() {
    return new Debounce(1, Duration.ZERO, 1, Duration.ZERO);
  }

  /**
   * @param out the condition holds for this observation
   * @param normal the machine is clearly normal in this respect (not merely "not out")
   */
  public Change observe(Instant time, boolean out, boolean normal) {
    long t = time.toEpochMilli();
    switch (phase) {
      case NORMAL -> {
        if (out) {
          phase = Phase.PENDING;
          count = 0;
          sinceMillis = t;
          onset = time;
          return observe(time, true, false);
        }
      }
      case PENDING -> {
        if (out) {
          count++;
          if (held(count, t, raiseReadings, raiseAfterMillis)) {
            phase = Phase.ACTIVE;
            return Change.RAISED;
          }
        } else if (normal) {
          phase = Phase.NORMAL;
          onset = null;
        }
      }
      case ACTIVE -> {
        if (normal) {
          phase = Phase.CLEARING;
          count = 0;
          sinceMillis = t;
          return observe(time, false, true);
        }
      }
      case CLEARING -> {
        if (out) {
          phase = Phase.ACTIVE;
        } else if (normal) {
          count++;
          if (held(count, t, clearReadings, clearAfterMillis)) {
            phase = Phase.NORMAL;
            return Change.RESOLVED;
          }
        }
      }
    }
    return Change.NONE;
  }

  private boolean held(int n, long t, int readings, long afterMillis) {
    return n >= readings || (n >= 2 && t - sinceMillis >= afterMillis);
  }

  /** Takes up an anomaly raised before (e.g. before a restart), so it is resolved in due course. */
  public void adopt(Instant raisedAt) {
    phase = Phase.ACTIVE;
    onset = raisedAt;
  }

  /** Forgets everything, e.g. when the expectation it was judged against is replaced. */
  public void reset() {
    phase = Phase.NORMAL;
    onset = null;
    count = 0;
  }

  public Phase phase() {
    return phase;
  }

  public boolean isActive() {
    return phase == Phase.ACTIVE || phase == Phase.CLEARING;
  }

  /** When the condition started: the first out observation; null when normal. */
  public Instant onset() {
    return onset;
  }
}
