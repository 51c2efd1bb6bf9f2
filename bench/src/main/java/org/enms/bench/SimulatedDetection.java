package org.enms.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.enms.analytics.detect.DetectionThresholds;
import org.enms.analytics.detect.Drivers;
import org.enms.analytics.detect.Finding;
import org.enms.analytics.detect.LiveDetector;
import org.enms.analytics.detect.RobustProfile;
import org.enms.core.plant.Machine;
import org.enms.simulator.physics.AnomalyInfluence;
import org.enms.simulator.physics.AnomalyKind;
import org.enms.simulator.physics.MachinePhysics;
import org.enms.simulator.physics.Sample;

/**
 * One simulated machine scored as its entity would score it, without MQTT, in accelerated time: the
 * simulator's physics make {@code historyWeeks} of normal history, whose hourly averages seed a
 * {@link RobustProfile} (as the entity seeds it from the database on start), then a live period
 * with injected anomalies goes reading by reading through a {@link LiveDetector}. The operating
 * mode passed with a reading is the one the machine reported with its previous reading, as the
 * entity knows it when the energy message arrives first.
 */
final class SimulatedDetection {
  /** What a machine's live period produced. */
  record Outcome(Machine machine, List<InjectedAnomaly> injected, List<Finding.Raised> raised) {}

  private SimulatedDetection() {}

  static Outcome run(
      Machine machine,
      Instant liveFrom,
      Duration live,
      int historyWeeks,
      List<InjectedAnomaly> injected,
      DetectionThresholds limits,
      long seed) {
    var random = new SplittableRandom(seed);
    MachinePhysics physics = MachinePhysics.forMachine(machine);
    int interval = machine.intervalSeconds();
    var profile = new RobustProfile();

    // History: hourly averages of normal operation, as the entity loads them.
    Instant t = liveFrom.minus(Duration.ofDays(7L * historyWeeks));
    double hourSum = 0;
    int hourCount = 0;
    long hour = Math.floorDiv(t.getEpochSecond(), 3600);
    while (t.isBefore(liveFrom)) {
      t = t.plusSeconds(interval);
      Sample s = physics.next(t, AnomalyInfluence.NONE, random);
      long h = Math.floorDiv(t.getEpochSecond() - 1, 3600);
      if (h != hour) {
        if (hourCount > 0) {
          profile.addHour(Instant.ofEpochSecond(hour * 3600), hourSum / hourCount);
        }
        hour = h;
        hourSum = 0;
        hourCount = 0;
      }
      hourSum += s.powerKw();
      hourCount++;
    }
    // The last hour before the live period, which the loop closes no more.
    if (hourCount > 0) {
      profile.addHour(Instant.ofEpochSecond(hour * 3600), hourSum / hourCount);
    }

    var detector = new LiveDetector(profile, machine.ratedPowerKw(), limits);
    List<Finding.Raised> raised = new ArrayList<>();
    Instant until = liveFrom.plus(live);
    String mode = null;
    int next = 0;
    while (t.isBefore(until)) {
      t = t.plusSeconds(interval);
      while (next < injected.size() && !t.isBefore(injected.get(next).end())) {
        next++;
      }
      AnomalyInfluence influence = AnomalyInfluence.NONE;
      if (next < injected.size()) {
        InjectedAnomaly a = injected.get(next);
        double factor = a.factorAt(t);
        if (factor != 1.0) {
          influence = new AnomalyInfluence(simulatorKind(a.kind()), factor);
        }
      }
      Sample s = physics.next(t, influence, random);
      for (Finding f : detector.onReading(t, s.powerKw(), mode, Drivers.NONE)) {
        if (f instanceof Finding.Raised r) {
          raised.add(r);
        }
      }
      mode = s.operatingMode();
    }
    return new Outcome(machine, injected, raised);
  }

  private static AnomalyKind simulatorKind(InjectedAnomaly.Kind kind) {
    return switch (kind) {
      case SPIKE -> AnomalyKind.SPIKE;
      case DROP -> AnomalyKind.DROP;
      case DRIFT -> AnomalyKind.DRIFT;
    };
  }
}
