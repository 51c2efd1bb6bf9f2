package org.enms.db;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.EnvironmentalReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;

/** A deterministic data set spanning a UTC midnight, shared by the dialect tests. */
final class SampleData {
  static final Instant START = Instant.parse("2025-03-10T22:00:00Z");
  static final int MINUTES = 4 * 60;

  private SampleData() {}

  /**
   * Compressor-1 electricity every 20 s with uneven power, Boiler-1 electricity and gas every 60 s,
   * production and environment of Compressor-1 every 60 s: 22:00 on day 1 to 02:00 on day 2.
   */
  static List<Reading> readings() {
    var out = new ArrayList<Reading>();
    for (int s = 0; s < MINUTES * 60; s += 20) {
      Instant t = START.plusSeconds(s);
      double kw = 30 + (s % 7) * 3.5 + (s / 3600) * 2;
      out.add(EnergyReading.electricity(DemoPlant.machineId(1), t, kw, kw * 20 / 3600.0));
      if (s % 60 == 0) {
        out.add(EnergyReading.electricity(DemoPlant.machineId(8), t, 4.0, 4.0 / 60));
        out.add(
            new EnergyReading(
                DemoPlant.machineId(8),
                t,
                EnergyType.NATURAL_GAS,
                200.0,
                200.0 / 60,
                null,
                null,
                null,
                null,
                null,
                "{\"consumption_m3\": 0.316}"));
        out.add(
            new ProductionReading(
                DemoPlant.machineId(1),
                t,
                10 + s % 3,
                9,
                1 + s % 3,
                600.0 + s % 11,
                "running",
                80.0,
                null,
                null));
        out.add(
            new EnvironmentalReading(
                DemoPlant.machineId(1),
                t,
                12.0 + s % 5,
                21.0,
                60.0 + s % 13,
                40.0,
                45.0,
                7.0,
                null,
                null,
                null,
                null,
                null,
                null,
                2.1,
                null));
      }
    }
    return out;
  }
}
