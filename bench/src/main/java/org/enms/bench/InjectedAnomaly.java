package org.enms.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One anomaly the accuracy bench injects into a simulated machine, with the window in which an
 * alarm counts as finding it.
 *
 * <ul>
 *   <li>spike: power × {@code magnitude} (1.6–2.2) for 3–20 min;
 *   <li>drop: power × {@code magnitude} (0.2–0.4) for 3–20 min;
 *   <li>drift: power ramps linearly from ×1 to × {@code magnitude} (1.3) over 2–4 h, then holds for
 *       an hour before the fault is repaired.
 * </ul>
 *
 * A spike's or drop's latency runs from its start; a drift's from the moment its excess reaches
 * half of the final +30 % (+15 %): before that it is smaller than the hour-to-hour variation of
 * most machines, and no detector can tell it from normal without false alarms.
 *
 * @param rampEnd a drift's end of ramp; for a spike or drop, equal to {@code end}
 */
record InjectedAnomaly(Kind kind, double magnitude, Instant start, Instant rampEnd, Instant end) {

  enum Kind {
    SPIKE,
    DROP,
    DRIFT
  }

  /** How long after its end an alarm still counts as finding the anomaly (debounce, CUSUM lag). */
  Duration grace() {
    return kind == Kind.DRIFT ? Duration.ofMinutes(30) : Duration.ofMinutes(2);
  }

  /** Whether an alarm raised at {@code t} falls in this anomaly's window. */
  boolean covers(Instant t) {
    return !t.isBefore(start) && t.isBefore(end.plus(grace()));
  }

  /** Where latency is measured from. */
  Instant reference() {
    if (kind != Kind.DRIFT) {
      return start;
    }
    long ramp = Duration.between(start, rampEnd).toMillis();
    return start.plusMillis(ramp / 2);
  }

  /** The detection deadline the issue sets: 60 s for spikes and drops, 15 min for drifts. */
  Duration deadline() {
    return kind == Kind.DRIFT ? Duration.ofMinutes(15) : Duration.ofSeconds(60);
  }

  /** Power multiplier at {@code t}; 1 outside the anomaly. */
  double factorAt(Instant t) {
    if (t.isBefore(start) || !t.isBefore(end)) {
      return 1.0;
    }
    if (kind != Kind.DRIFT || !t.isBefore(rampEnd)) {
      return magnitude;
    }
    double progress =
        (double) Duration.between(start, t).toMillis()
            / Duration.between(start, rampEnd).toMillis();
    return 1.0 + (magnitude - 1.0) * progress;
  }

  /**
   * {@code perKind} anomalies of each kind in random order, one per equal slot of {@code [from,
   * to)}, each at a random offset that leaves at least 90 min of normal operation after it.
   */
  static List<InjectedAnomaly> schedule(
      Instant from, Instant to, int perKind, SplittableRandom random) {
    List<Kind> kinds = new ArrayList<>();
    for (int i = 0; i < perKind; i++) {
      kinds.addAll(List.of(Kind.values()));
    }
    for (int i = kinds.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      kinds.set(i, kinds.set(j, kinds.get(i)));
    }
    if (kinds.isEmpty()) {
      return List.of(); // --per-kind 0: a normal week, for its false alarms alone
    }
    long slot = Duration.between(from, to).getSeconds() / kinds.size();
    List<InjectedAnomaly> out = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      Instant slotStart = from.plusSeconds(i * slot);
      Kind kind = kinds.get(i);
      long length;
      long ramp;
      double magnitude;
      switch (kind) {
        case SPIKE -> {
          length = random.nextLong(180, 1200);
          ramp = length;
          magnitude = random.nextDouble(1.6, 2.2);
        }
        case DROP -> {
          length = random.nextLong(180, 1200);
          ramp = length;
          magnitude = random.nextDouble(0.2, 0.4);
        }
        default -> {
          ramp = random.nextLong(2 * 3600, 4 * 3600);
          length = ramp + 3600;
          magnitude = 1.3;
        }
      }
      long room = slot - length - 90 * 60;
      if (room <= 0) {
        throw new IllegalArgumentException("too many anomalies for the period");
      }
      Instant start = slotStart.plusSeconds(random.nextLong(room));
      out.add(
          new InjectedAnomaly(
              kind, magnitude, start, start.plusSeconds(ramp), start.plusSeconds(length)));
    }
    return out;
  }
}
