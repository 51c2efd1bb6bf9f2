package org.enms.simulator.physics;

import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.enms.core.reading.DataType;
import org.enms.core.reading.EnergyType;

/**
 * A gas-fired steam boiler reporting three energy carriers (electricity for its burner fan and
 * pumps, natural gas, steam) plus its own production and environmental schema.
 *
 * <p>Fixes against the original: (1) each of the original's messages drew its own random load, so
 * gas, steam, electricity and production disagreed within a tick; here one load and one efficiency
 * are drawn per tick and every message derives from them (steam = gas heat × efficiency, production
 * = the steam of this tick). (2) The original used the local wall clock for its day/night load;
 * here it uses UTC like every other machine. (3) The original had no anomaly support; the generic
 * kinds scale the boiler's whole load.
 */
final class Boiler implements MachinePhysics {
  /** Thermal capacity per kW of electrical rating. */
  static final double THERMAL_PER_ELECTRICAL_KW = 50.0;

  static final double NOMINAL_EFFICIENCY = 0.85;
  static final double POWER_FACTOR = 0.95;

  private final double ratedKw;
  private final double thermalKw;
  private final int intervalSeconds;

  Boiler(double ratedKw, int intervalSeconds) {
    this.ratedKw = ratedKw;
    this.thermalKw = ratedKw * THERMAL_PER_ELECTRICAL_KW;
    this.intervalSeconds = intervalSeconds;
  }

  @Override
  public Sample next(Instant time, AnomalyInfluence anomaly, RandomGenerator random) {
    int hour = PlantCalendar.hourUtc(time);
    double baseLoad =
        hour >= 6 && hour < 22
            ? Noise.around(0.70, 0.15, random)
            : Noise.around(0.40, 0.10, random);
    double load = Noise.clamp(baseLoad, 0.05, 1.0) * anomaly.powerFactor();
    double efficiency = Noise.around(NOMINAL_EFFICIENCY, 0.03, random);
    double hours = intervalSeconds / 3600.0;

    double electricKw = Noise.round(ratedKw * load * random.nextDouble(0.85, 1.15), 3);
    double electricKwh = Noise.round(electricKw * hours, 6);
    double voltageV = Noise.around(400.0, 10.0, random);
    double currentA = electricKw * 1000.0 / (voltageV * Electrical.SQRT3 * POWER_FACTOR);
    var electricity =
        Fields.create()
            .put("power_kw", electricKw)
            .put("energy_kwh", electricKwh)
            .put("voltage_v", voltageV, 2)
            .put("current_a", currentA, 2)
            .put("power_factor", POWER_FACTOR)
            .build();

    double heatKw = thermalKw * load;
    double gasM3h = heatKw / efficiency / EnergyType.GAS_KWH_PER_M3;
    double gasM3 = Noise.round(gasM3h * hours, 4);
    var gas =
        Fields.create()
            .put("flow_rate_m3h", gasM3h, 3)
            .put("consumption_m3", gasM3)
            .put("pressure_bar", Noise.around(4.0, 0.2, random), 3)
            .put("temperature_c", Noise.around(20.0, 2.0, random), 2)
            .put("calorific_value_kwh_m3", EnergyType.GAS_KWH_PER_M3)
            .build();

    double steamKgH = heatKw * efficiency / EnergyType.STEAM_KWH_PER_KG;
    double steamKg = Noise.round(steamKgH * hours, 3);
    var steam =
        Fields.create()
            .put("flow_rate_kg_h", steamKgH, 3)
            .put("consumption_kg", steamKg)
            .put("pressure_bar", Noise.around(10.0, 0.5, random), 3)
            .put("temperature_c", Noise.around(184.0, 3.0, random), 2)
            .put("enthalpy_kj_kg", Noise.around(2777.0, 50.0, random), 1)
            .build();

    long steamUnits = (long) steamKg;
    var production =
        Fields.create()
            .put("production_count", steamUnits)
            .put("production_rate", steamKgH, 3)
            .put("quality_rating", 0.98)
            .put("defect_count", 0L)
            .put("efficiency", efficiency, 4)
            .build();
    var environmental =
        Fields.create()
            .put("temperature_c", PlantCalendar.outdoorTempC(time, random), 2)
            .put("humidity_percent", Noise.around(60.0, 10.0, random), 2)
            .put("co2_ppm", Noise.around(400.0, 50.0, random), 1)
            .put("pressure_mbar", Noise.around(1013.0, 5.0, random), 1)
            .build();

    return new Sample(
        electricKw,
        "running",
        steamUnits,
        List.of(
            new Message(DataType.ELECTRICITY, electricity, electricKwh),
            new Message(DataType.NATURAL_GAS, gas, gasM3 * EnergyType.GAS_KWH_PER_M3),
            new Message(DataType.STEAM, steam, steamKg * EnergyType.STEAM_KWH_PER_KG),
            Message.of(DataType.PRODUCTION, production),
            Message.of(DataType.ENVIRONMENTAL, environmental)));
  }
}
