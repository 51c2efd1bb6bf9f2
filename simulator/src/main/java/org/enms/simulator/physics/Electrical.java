package org.enms.simulator.physics;

import java.util.random.RandomGenerator;
import org.enms.core.reading.DataType;

/**
 * The three-phase electrical reading of a 400 V machine: power factor, frequency, voltage and a
 * current consistent with the power.
 */
final class Electrical {
  static final double NOMINAL_VOLTAGE_V = 400.0;
  static final double SQRT3 = Math.sqrt(3.0);

  private Electrical() {}

  /**
   * The {@code energy} message of a machine drawing {@code powerKw} for {@code intervalSeconds}.
   */
  static Message energyMessage(double powerKw, int intervalSeconds, RandomGenerator random) {
    double powerFactor = random.nextDouble(0.85, 0.95);
    double frequencyHz = Noise.add(50.0, 0.5, random);
    double currentA =
        Noise.add(powerKw * 1000.0 / (SQRT3 * NOMINAL_VOLTAGE_V * powerFactor), 2.0, random);
    double voltageV = Noise.add(NOMINAL_VOLTAGE_V, 2.0, random);
    double roundedPower = Noise.round(powerKw, 3);
    double energyKwh = Noise.round(roundedPower * intervalSeconds / 3600.0, 6);
    var fields =
        Fields.create()
            .put("power_kw", roundedPower)
            .put("energy_kwh", energyKwh)
            .put("voltage_v", voltageV, 2)
            .put("current_a", currentA, 2)
            .put("power_factor", powerFactor, 4)
            .put("frequency_hz", frequencyHz, 2)
            .build();
    return new Message(DataType.ENERGY, fields, energyKwh);
  }
}
