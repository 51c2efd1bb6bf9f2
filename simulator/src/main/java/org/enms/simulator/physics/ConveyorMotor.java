package org.enms.simulator.physics;

import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.enms.core.reading.DataType;

/**
 * A conveyor drive whose speed ramps (±5 %/tick) toward a shift-dependent target: 100 % on weekday
 * days, 60 % at night, 44 % at weekends. Power follows the fan-law-like speed^2.5 × load ÷ motor
 * efficiency.
 */
final class ConveyorMotor implements MachinePhysics {
  static final double MAX_CONVEYOR_M_MIN = 30.0;
  static final double ITEMS_PER_METRE = 2.0;

  private final double ratedKw;
  private final int intervalSeconds;

  /** Drive speed, % of nominal; NaN until the first tick sets it to the target. */
  private double speedPercent = Double.NaN;

  ConveyorMotor(double ratedKw, int intervalSeconds) {
    this.ratedKw = ratedKw;
    this.intervalSeconds = intervalSeconds;
  }

  @Override
  public Sample next(Instant time, AnomalyInfluence anomaly, RandomGenerator random) {
    double target = PlantCalendar.shiftFactor(time) * 80.0 + 20.0;
    if (Double.isNaN(speedPercent)) {
      speedPercent = target;
    }
    speedPercent += Noise.clamp(target - speedPercent, -5.0, 5.0) + random.nextDouble(-2, 2);
    speedPercent = Noise.clamp(speedPercent, 20.0, 100.0);

    double conveyorMMin =
        speedPercent
            / 100.0
            * MAX_CONVEYOR_M_MIN
            * (anomaly.is(AnomalyKind.BELT_SLIP) ? 0.85 : 1.0);
    double loadPercent = Noise.clamp(40.0 + 0.6 * speedPercent + random.nextDouble(-5, 5), 0, 100);
    double efficiency = loadPercent > 70 ? 0.95 : loadPercent > 40 ? 0.92 : 0.85;
    double normalKw =
        ratedKw * Math.pow(speedPercent / 100.0, 2.5) * loadPercent / 100.0 / efficiency;
    double powerKw =
        Math.min(Noise.add(normalKw, 3.0, random), 1.1 * ratedKw) * anomaly.powerFactor();

    long items = (long) (conveyorMMin * ITEMS_PER_METRE * intervalSeconds / 60.0);
    long bad = (long) (items * 0.02);
    String mode = speedPercent < 25 ? "idle" : "running";
    var production =
        Fields.create()
            .put("production_count", items)
            .put("production_count_good", items - bad)
            .put("production_count_bad", bad)
            .put("throughput_units_per_hour", conveyorMMin * ITEMS_PER_METRE * 60.0, 2)
            .put("operating_mode", mode)
            .put("speed_percent", speedPercent, 2)
            .build();

    double vibration =
        Noise.add(1.0 + 2.0 * speedPercent / 100.0, 15.0, random)
            * (anomaly.is(AnomalyKind.BEARING_WEAR) ? 4.0 : 1.0);
    var environmental =
        Fields.create()
            .put("machine_temp_c", 25.0 + loadPercent * 0.4 + random.nextDouble(-5, 5), 2)
            .put("vibration_mm_s", vibration, 3)
            .build();

    return new Sample(
        powerKw,
        mode,
        items,
        List.of(
            Electrical.energyMessage(powerKw, intervalSeconds, random),
            Message.of(DataType.PRODUCTION, production),
            Message.of(DataType.ENVIRONMENTAL, environmental)));
  }
}
