package org.enms.http.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;
import org.enms.db.Database;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.RollupRefresher;
import org.enms.db.registry.TariffDao;
import org.enms.db.registry.TariffDraft;

/**
 * A small data set whose KPIs are worked out by hand, in the demo plant's Silicon Valley factory
 * (Los Angeles time, UTC−7 in summer). Its tariffs: weekdays 09:00–21:00 at 0.25, nights
 * 21:00–09:00 at 0.10 (the demo plant's), plus a demand charge of 10 per kW added here; electricity
 * emits 0.45 kg CO₂ per kWh.
 *
 * <p>Compressor-1, one reading a minute at constant power per 15-minute interval:
 *
 * <pre>
 * interval (local)        kW   kWh  rate  cost
 * Mon 2 Jun 08:30        8    2    0.10  0.20   night
 * Mon 2 Jun 08:45       12    3    0.10  0.30   night
 * Mon 2 Jun 09:00       16    4    0.25  1.00   peak: the time-of-use boundary; June's peak
 * Mon 2 Jun 09:15        4    1    0.25  0.25
 * Tue 1 Jul 10:00       20    5    0.25  1.25   July's peak, and the period's
 * </pre>
 *
 * Energy 15 kWh, energy charge 3.00, demand charge 16 × 10 + 20 × 10 = 360, cost 363.00; mean of
 * the 15-minute averages 60 / 5 = 12 kW, load factor 12 / 20 = 0.6; 30 units produced: SEC 0.5,
 * cost per unit 12.1; CO₂ 6.75 kg, 0.225 per unit. HVAC-Main also draws 12 kW (3 kWh, 0.75) at Mon
 * 09:00, so the factory's coincident June peak is 28 kW.
 */
public final class KpiSampleData {
  public static final UUID COMPRESSOR = DemoPlant.machineId(1);
  public static final UUID HVAC = DemoPlant.machineId(2);
  public static final UUID FACTORY = DemoPlant.DEMO_FACTORY;
  public static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
  public static final Instant END = Instant.parse("2025-07-02T00:00:00Z");

  /** Interval starts, UTC. */
  public static final Instant MON_0830 = Instant.parse("2025-06-02T15:30:00Z");

  public static final Instant MON_0900 = Instant.parse("2025-06-02T16:00:00Z");
  public static final Instant TUE_1000 = Instant.parse("2025-07-01T17:00:00Z");

  private KpiSampleData() {}

  /** Adds the demand charge, writes the readings and rolls them up with pricing. */
  public static void load(Database database) {
    new TariffDao(database)
        .create(
            null,
            FACTORY,
            new TariffDraft(
                "Demand",
                "Monthly peak demand",
                "electricity",
                TariffDraft.DEMAND_CHARGE,
                0,
                "USD",
                null,
                null,
                null,
                10.0,
                LocalDate.of(2024, 1, 1)),
            false);
    List<Reading> readings = new ArrayList<>();
    interval(readings, COMPRESSOR, MON_0830, 8);
    interval(readings, COMPRESSOR, MON_0830.plusSeconds(900), 12);
    interval(readings, COMPRESSOR, MON_0900, 16);
    interval(readings, COMPRESSOR, MON_0900.plusSeconds(900), 4);
    interval(readings, COMPRESSOR, TUE_1000, 20);
    interval(readings, HVAC, MON_0900, 12);
    readings.add(production(MON_0830.plusSeconds(60), 10));
    readings.add(production(TUE_1000.plusSeconds(300), 20));
    new ReadingBatchWriter(database).write(readings);
    RollupRefresher rollups = new RollupRefresher(database, new IntervalPricing(database));
    rollups.refresh(MON_0830, MON_0900.plusSeconds(1800));
    rollups.refresh(TUE_1000, TUE_1000.plusSeconds(900));
  }

  /** 15 readings a minute apart at {@code kw}, each with a minute's energy. */
  static void interval(List<Reading> out, UUID machine, Instant start, double kw) {
    for (int minute = 0; minute < 15; minute++) {
      out.add(EnergyReading.electricity(machine, start.plusSeconds(60L * minute), kw, kw / 60));
    }
  }

  static ProductionReading production(Instant time, long units) {
    return new ProductionReading(
        COMPRESSOR, time, units, units, 0, null, "running", null, null, null);
  }
}
