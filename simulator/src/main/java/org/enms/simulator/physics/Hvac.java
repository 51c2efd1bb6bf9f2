package org.enms.simulator.physics;

import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.enms.core.reading.DataType;

/**
 * A staged chiller keeping a building at 22 °C. Cooling load follows production and the outdoor
 * temperature (season plus a diurnal swing); up to three compressor stages run; COP falls with heat
 * and rises with part load. Production is cooling delivered, in tenths of a refrigeration ton.
 */
final class Hvac implements MachinePhysics {
  static final double INDOOR_TARGET_C = 22.0;
  static final double RATED_COP = 4.0;
  static final int MAX_STAGES = 3;
  static final double DESIGN_LOAD_KW = 150.0;
  static final double KW_PER_TON = 3.517;

  private final double ratedKw;
  private final int intervalSeconds;

  private double indoorC = INDOOR_TARGET_C;
  private double supplyAirC = 12.0;
  private double returnAirC = INDOOR_TARGET_C;
  private double chilledSupplyC = 7.0;

  Hvac(double ratedKw, int intervalSeconds) {
    this.ratedKw = ratedKw;
    this.intervalSeconds = intervalSeconds;
  }

  @Override
  public Sample next(Instant time, AnomalyInfluence anomaly, RandomGenerator random) {
    double outdoorC = PlantCalendar.outdoorTempC(time, random) + diurnalSwingC(time, random);
    double coolingLoadKw =
        Math.max(0.0, PlantCalendar.shiftFactor(time) * 80.0 + (outdoorC - INDOOR_TARGET_C) * 2.0);
    double loadFraction = coolingLoadKw / DESIGN_LOAD_KW;
    int stages = (int) Noise.clamp(Math.ceil(loadFraction * MAX_STAGES), 0, MAX_STAGES);
    double cop =
        Noise.clamp(
            RATED_COP * (1 - (outdoorC - 25.0) / 100.0) * (0.85 + 0.15 * loadFraction), 2.0, 4.5);
    if (anomaly.is(AnomalyKind.REFRIGERANT_LEAK)) {
      cop *= 0.7;
    }

    double normalKw = stages > 0 ? coolingLoadKw / cop * stages / MAX_STAGES : ratedKw * 0.05;
    normalKw = Math.min(Noise.add(normalKw, 3.0, random), ratedKw);
    double powerKw = normalKw * anomaly.powerFactor();

    if (stages > 0) {
      supplyAirC = Noise.around(12.0, 1.0, random);
      returnAirC = Noise.around(indoorC, 0.5, random);
      indoorC += (INDOOR_TARGET_C - indoorC) * 0.1;
      chilledSupplyC = Noise.around(7.0, 1.0, random);
    } else {
      indoorC += (outdoorC - indoorC) * 0.01;
    }

    // Cooling delivered depends on the load, not on a fault's extra draw.
    double tons = normalKw * cop / KW_PER_TON;
    long count = (long) (tons * 10);
    long good = Math.abs(indoorC - INDOOR_TARGET_C) < 1.0 ? count : (long) (count * 0.8);
    String mode = stages > 0 ? "running" : "idle";
    var production =
        Fields.create()
            .put("production_count", count)
            .put("production_count_good", good)
            .put("production_count_bad", count - good)
            .put("throughput_units_per_hour", tons * 360.0, 2)
            .put("operating_mode", mode)
            .put("speed_percent", stages * 100.0 / MAX_STAGES, 2)
            .build();

    double outdoorHumidity =
        PlantCalendar.isSummer(time) ? random.nextDouble(60, 85) : random.nextDouble(40, 70);
    var environmental =
        Fields.create()
            .put("outdoor_temp_c", outdoorC, 2)
            .put("indoor_temp_c", indoorC, 2)
            .put("outdoor_humidity_percent", outdoorHumidity, 2)
            .put("indoor_humidity_percent", random.nextDouble(45, 55), 2)
            .put("supply_air_temp_c", supplyAirC, 2)
            .put("return_air_temp_c", returnAirC, 2)
            .put("chilled_water_supply_temp_c", chilledSupplyC, 2)
            .put("chilled_water_return_temp_c", chilledSupplyC + 5.0, 2)
            .put("cop", cop, 3)
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

  /** Afternoons are warmer, early mornings cooler, °C. */
  private static double diurnalSwingC(Instant time, RandomGenerator random) {
    int hour = PlantCalendar.hourUtc(time);
    if (hour >= 12 && hour < 18) {
      return random.nextDouble(2, 5);
    }
    if (hour < 6) {
      return -random.nextDouble(2, 4);
    }
    return 0.0;
  }
}
