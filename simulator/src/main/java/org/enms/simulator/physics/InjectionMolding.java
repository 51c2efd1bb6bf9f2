package org.enms.simulator.physics;

import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.enms.core.reading.DataType;

/**
 * An injection-moulding machine running PP moulding cycles: heat the barrel (2 ticks), inject (1),
 * cool (3), eject (1), then idle until the next cycle starts (probability shift factor × 0.7 per
 * idle tick). The barrel starts cold and approaches 220 °C over successive cycles; a part is good
 * with probability 0.98 when the barrel is within ±5 % of 220 °C and no anomaly is active, else
 * 0.80.
 */
final class InjectionMolding implements MachinePhysics {
  static final double BARREL_TARGET_C = 220.0;
  static final double CYCLE_TICKS = 7.0;

  enum Phase {
    IDLE(0, 0.12),
    HEATING(2, 0.85),
    INJECTION(1, 0.95),
    COOLING(3, 0.35),
    EJECTION(1, 0.15);

    final int ticks;

    /** Power as a fraction of rated. */
    final double load;

    Phase(int ticks, double load) {
      this.ticks = ticks;
      this.load = load;
    }
  }

  private final double ratedKw;
  private final int intervalSeconds;
  private Phase phase = Phase.IDLE;
  private int ticksLeft;
  private double barrelC;
  private double shotGrams;

  InjectionMolding(double ratedKw, int intervalSeconds) {
    this.ratedKw = ratedKw;
    this.intervalSeconds = intervalSeconds;
  }

  @Override
  public Sample next(Instant time, AnomalyInfluence anomaly, RandomGenerator random) {
    advancePhase(PlantCalendar.shiftFactor(time), random);

    barrelC =
        Noise.clamp(
            switch (phase) {
              case HEATING -> barrelC + (BARREL_TARGET_C - barrelC) / 2 + random.nextDouble(-2, 2);
              case INJECTION -> barrelC + random.nextDouble(-1, 1);
              case COOLING -> barrelC - 2.0;
              case EJECTION, IDLE -> barrelC;
            },
            0,
            300);

    double normalKw =
        phase == Phase.HEATING
            ? ratedKw * phase.load * (1 + (BARREL_TARGET_C - barrelC) / 100.0)
            : ratedKw * phase.load;
    double powerKw =
        Math.min(Noise.add(normalKw, 4.0, random), 1.1 * ratedKw) * anomaly.powerFactor();

    long count = 0;
    long good = 0;
    if (phase == Phase.EJECTION) {
      boolean inWindow = Math.abs(barrelC - BARREL_TARGET_C) <= 0.05 * BARREL_TARGET_C;
      double pGood = inWindow && !anomaly.isActive() ? 0.98 : 0.80;
      count = 1;
      good = random.nextDouble() < pGood ? 1 : 0;
    }
    String mode = phase == Phase.IDLE ? "idle" : "running";
    var production =
        Fields.create()
            .put("production_count", count)
            .put("production_count_good", good)
            .put("production_count_bad", count - good)
            .put("throughput_units_per_hour", 3600.0 / (CYCLE_TICKS * intervalSeconds), 2)
            .put("operating_mode", mode)
            .put("recipe_id", "mold_PP_" + (int) shotGrams)
            .build();
    var environmental =
        Fields.create()
            .put("indoor_temp_c", 40.0 + random.nextDouble(-3, 3), 2)
            .put("machine_temp_c", barrelC, 2)
            .build();

    return new Sample(
        powerKw,
        mode,
        count,
        List.of(
            Electrical.energyMessage(powerKw, intervalSeconds, random),
            Message.of(DataType.PRODUCTION, production),
            Message.of(DataType.ENVIRONMENTAL, environmental)));
  }

  private void advancePhase(double shiftFactor, RandomGenerator random) {
    if (phase == Phase.IDLE) {
      if (random.nextDouble() < shiftFactor * 0.7) {
        shotGrams = random.nextDouble(80, 150);
        enter(Phase.HEATING);
      }
      return;
    }
    if (--ticksLeft > 0) {
      return;
    }
    enter(
        switch (phase) {
          case HEATING -> Phase.INJECTION;
          case INJECTION -> Phase.COOLING;
          case COOLING -> Phase.EJECTION;
          case EJECTION, IDLE -> Phase.IDLE;
        });
  }

  private void enter(Phase next) {
    phase = next;
    ticksLeft = next.ticks;
  }
}
