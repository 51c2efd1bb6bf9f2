package org.enms.simulator.physics;

import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.enms.core.reading.DataType;

/**
 * A hydraulic press pump running press cycles: build pressure (2 ticks), hold (3), release (1),
 * then idle until the next cycle starts (probability shift factor × 0.6 per idle tick). One pressed
 * part per cycle, good when the hold pressure reached 171 bar.
 */
final class HydraulicPump implements MachinePhysics {
  static final double TARGET_PRESSURE_BAR = 180.0;
  static final double MAX_PRESSURE_BAR = 200.0;
  static final double MIN_GOOD_PRESSURE_BAR = 171.0;
  static final double CYCLE_TICKS = 6.0;

  enum Phase {
    IDLE(0),
    BUILD(2),
    HOLD(3),
    RELEASE(1);

    final int ticks;

    Phase(int ticks) {
      this.ticks = ticks;
    }
  }

  private final double ratedKw;
  private final int intervalSeconds;
  private Phase phase = Phase.IDLE;
  private int ticksLeft;
  private double pressureBar;
  private long cycles;

  HydraulicPump(double ratedKw, int intervalSeconds) {
    this.ratedKw = ratedKw;
    this.intervalSeconds = intervalSeconds;
  }

  @Override
  public Sample next(Instant time, AnomalyInfluence anomaly, RandomGenerator random) {
    double leakFactor = anomaly.is(AnomalyKind.SEAL_LEAK) ? 0.9 : 1.0;
    double heldPressureBar = pressureBar * leakFactor;
    advancePhase(PlantCalendar.shiftFactor(time), random);

    long count = 0;
    long good = 0;
    switch (phase) {
      case IDLE -> pressureBar = 0.0;
      case BUILD -> pressureBar = Math.min(pressureBar + 90.0, TARGET_PRESSURE_BAR);
      case HOLD -> pressureBar = Noise.clamp(pressureBar + random.nextDouble(-2, 2), 171, 189);
      case RELEASE -> {
        count = 1;
        good = heldPressureBar >= MIN_GOOD_PRESSURE_BAR ? 1 : 0;
        pressureBar = 0.0;
      }
    }

    double normalKw =
        switch (phase) {
          case BUILD -> ratedKw * (0.85 + pressureBar / MAX_PRESSURE_BAR * 0.15);
          case HOLD -> ratedKw * 0.30;
          case RELEASE -> ratedKw * 0.15;
          case IDLE -> ratedKw * 0.05;
        };
    double powerKw =
        Math.min(Noise.add(normalKw, 4.0, random), 1.05 * ratedKw) * anomaly.powerFactor();

    boolean cycling = phase != Phase.IDLE;
    String mode = cycling ? "running" : "idle";
    var production =
        Fields.create()
            .put("production_count", count)
            .put("production_count_good", good)
            .put("production_count_bad", count - good)
            .put("throughput_units_per_hour", 3600.0 / (CYCLE_TICKS * intervalSeconds), 2)
            .put("operating_mode", mode)
            .put("recipe_id", "press_cycle_" + cycles)
            .build();

    double machineC =
        25.0
            + (cycling ? 30.0 : 10.0)
            + random.nextDouble(-5, 5)
            + (anomaly.is(AnomalyKind.OVERHEATING) ? 20.0 : 0.0);
    var environmental =
        Fields.create()
            .put("pressure_bar", pressureBar * leakFactor, 2)
            .put("machine_temp_c", machineC, 2)
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
      if (random.nextDouble() < shiftFactor * 0.6) {
        enter(Phase.BUILD);
        cycles++;
      }
      return;
    }
    if (--ticksLeft > 0) {
      return;
    }
    enter(
        switch (phase) {
          case BUILD -> Phase.HOLD;
          case HOLD -> Phase.RELEASE;
          case RELEASE, IDLE -> Phase.IDLE;
        });
  }

  private void enter(Phase next) {
    phase = next;
    ticksLeft = next.ticks;
  }
}
