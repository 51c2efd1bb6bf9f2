package org.enms.simulator.physics;

import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.enms.core.reading.DataType;

/**
 * A load/unload screw compressor feeding a compressed-air network.
 *
 * <p>Fixes against the original: (1) the original's loaded branch never switched to unloaded, so
 * the compressor was always loaded and pressure sat at 6.0 bar. Here it runs a real 6.5/7.5 bar
 * hysteresis: loaded, the pressure rises by the surplus of capacity over demand; unloaded, it falls
 * by the demand; it unloads at ≥ 7.5 bar and loads again at ≤ 6.5 bar. (2) The original reported
 * the m³/h flow rate as the production count of every 1-s message; here the count is the whole m³
 * of air delivered during the interval (fractions carried over), so counts add up to the
 * throughput.
 */
final class Compressor implements MachinePhysics {
  static final double MAX_FLOW_M3H = 500.0;
  static final double LOAD_AT_BAR = 6.5;
  static final double UNLOAD_AT_BAR = 7.5;
  static final double MIN_PRESSURE_BAR = 6.0;
  static final double MAX_PRESSURE_BAR = 8.0;

  /** Pressure change per second per m³/h of flow imbalance in the receiver, bar. */
  static final double BAR_PER_M3H_SECOND = 1.0e-4;

  private final double ratedKw;
  private final int intervalSeconds;

  /** Receiver pressure at the end of the last tick, bar. */
  private double pressureBar = 7.0;

  private boolean loaded = true;

  /** Air delivered but not yet counted as a whole m³. */
  private double uncountedM3;

  Compressor(double ratedKw, int intervalSeconds) {
    this.ratedKw = ratedKw;
    this.intervalSeconds = intervalSeconds;
  }

  @Override
  public Sample next(Instant time, AnomalyInfluence anomaly, RandomGenerator random) {
    double flowM3h =
        PlantCalendar.shiftFactor(time) * 0.7 * random.nextDouble(0.8, 1.2) * MAX_FLOW_M3H;

    if (loaded && pressureBar >= UNLOAD_AT_BAR) {
      loaded = false;
    } else if (!loaded && pressureBar <= LOAD_AT_BAR) {
      loaded = true;
    }
    double netFlowM3h = loaded ? MAX_FLOW_M3H - flowM3h : -flowM3h;
    pressureBar =
        Noise.clamp(
            pressureBar + netFlowM3h * BAR_PER_M3H_SECOND * intervalSeconds,
            MIN_PRESSURE_BAR,
            MAX_PRESSURE_BAR);

    double powerKw =
        loaded
            ? ratedKw * (0.7 + 0.25 * flowM3h / MAX_FLOW_M3H)
            : ratedKw * random.nextDouble(0.20, 0.30);
    powerKw = Noise.add(powerKw, 3.0, random) * anomaly.powerFactor();

    uncountedM3 += flowM3h * intervalSeconds / 3600.0;
    long count = (long) uncountedM3;
    uncountedM3 -= count;
    String mode = loaded ? "running" : "idle";

    var production =
        Fields.create()
            .put("production_count", count)
            .put("production_count_good", count)
            .put("production_count_bad", 0L)
            .put("throughput_units_per_hour", flowM3h, 2)
            .put("operating_mode", mode)
            .put("speed_percent", flowM3h / MAX_FLOW_M3H * 100.0, 2)
            .build();

    double outdoorC = PlantCalendar.outdoorTempC(time, random);
    double machineC = outdoorC + (loaded ? random.nextDouble(30, 50) : random.nextDouble(10, 20));
    double vibration =
        Noise.add(loaded ? 2.0 : 0.5, 20.0, random)
            * (anomaly.is(AnomalyKind.BEARING_FAULT) ? 3.0 : 1.0);
    double reportedPressure = pressureBar * (anomaly.is(AnomalyKind.LEAK) ? 0.9 : 1.0);
    var environmental =
        Fields.create()
            .put("outdoor_temp_c", outdoorC, 2)
            .put("machine_temp_c", machineC, 2)
            .put("pressure_bar", reportedPressure, 3)
            .put("flow_rate_m3h", flowM3h, 2)
            .put("vibration_mm_s", vibration, 3)
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
}
