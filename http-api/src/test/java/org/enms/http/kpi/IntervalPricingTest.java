package org.enms.http.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.Reading;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.RollupRefresher;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pricing after the roll-up refresh, on a real PostgreSQL with the demo plant: which price each
 * interval gets, that it keeps it when the interval is rolled up again after a tariff change, and
 * that only an explicit reprice changes it.
 */
class IntervalPricingTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final UUID PEAK = UUID.fromString("f0000000-0000-0000-0000-000000000001");
  private static final UUID OFF_PEAK = UUID.fromString("f0000000-0000-0000-0000-000000000002");

  @BeforeAll
  static void load() {
    KpiSampleData.load(pg.database());
  }

  /** One stored cost row. */
  private record Cost(
      double kwh,
      double kw,
      UUID tariff,
      double rate,
      double cost,
      String currency,
      Double demandRate,
      double co2PerKwh,
      double co2,
      LocalDate month) {}

  private static Cost cost(UUID machine, String energyType, Instant bucket) {
    return pg.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT * FROM energy_costs_15min
                        WHERE machine_id = :m AND energy_type = :e AND bucket = :b
                        """)
                    .bind("m", machine)
                    .bind("e", energyType)
                    .bind("b", bucket.atOffset(java.time.ZoneOffset.UTC))
                    .map(
                        (rs, ctx) -> {
                          double dr = rs.getDouble("demand_rate_per_kw");
                          Double demand = rs.wasNull() ? null : dr;
                          return new Cost(
                              rs.getDouble("energy_kwh"),
                              rs.getDouble("demand_kw"),
                              rs.getObject("tariff_id", UUID.class),
                              rs.getDouble("rate_per_kwh"),
                              rs.getDouble("energy_cost"),
                              rs.getString("currency"),
                              demand,
                              rs.getDouble("co2_kg_per_kwh"),
                              rs.getDouble("co2_kg"),
                              rs.getObject("billing_month", LocalDate.class));
                        })
                    .one());
  }

  @Test
  void eachIntervalIsPricedAtTheTariffInForceAtItsLocalTime() {
    Cost night =
        cost(KpiSampleData.COMPRESSOR, "electricity", KpiSampleData.MON_0830.plusSeconds(900));
    Cost peak = cost(KpiSampleData.COMPRESSOR, "electricity", KpiSampleData.MON_0900);
    Cost july = cost(KpiSampleData.COMPRESSOR, "electricity", KpiSampleData.TUE_1000);

    // 08:45 and 09:00 in Los Angeles: the two sides of the time-of-use boundary.
    assertThat(night.tariff()).isEqualTo(OFF_PEAK);
    assertThat(night.rate()).isEqualTo(0.10);
    assertThat(night.cost()).isCloseTo(0.30, within(1e-9));
    assertThat(peak.tariff()).isEqualTo(PEAK);
    assertThat(peak.rate()).isEqualTo(0.25);
    assertThat(peak.kwh()).isCloseTo(4.0, within(1e-9));
    assertThat(peak.kw()).isCloseTo(16.0, within(1e-9));
    assertThat(peak.cost()).isCloseTo(1.00, within(1e-9));
    assertThat(peak.demandRate()).isEqualTo(10.0);
    assertThat(peak.co2PerKwh()).isEqualTo(0.45);
    assertThat(peak.co2()).isCloseTo(1.8, within(1e-9));
    assertThat(peak.currency()).isEqualTo("USD");
    assertThat(peak.month()).isEqualTo(LocalDate.of(2025, 6, 1));
    assertThat(july.month()).isEqualTo(LocalDate.of(2025, 7, 1));
  }

  @Test
  void everyHourPricedGetsItsSumsTheSameAsTheIntervalsInIt() {
    String differences =
        pg.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            """
                            WITH hours AS (
                              SELECT date_bin(interval '1 hour', bucket,
                                              timestamptz '2000-01-01 00:00:00+00') AS bucket,
                                     machine_id, energy_type, billing_month,
                                     sum(energy_kwh) AS kwh, sum(energy_cost) AS cost,
                                     count(*) AS intervals, max(demand_kw) AS peak
                              FROM energy_costs_15min GROUP BY 1, 2, 3, 4)
                            SELECT count(*) FILTER (WHERE s.bucket IS NULL) || ' missing, '
                                   || count(*) FILTER (WHERE s.bucket IS NOT NULL
                                     AND (abs(s.energy_kwh - h.kwh) > 1e-9
                                          OR abs(s.energy_cost - h.cost) > 1e-9
                                          OR s.intervals <> h.intervals
                                          OR s.peak_demand_kw <> h.peak)) || ' different, '
                                   || count(*) || ' hours'
                            FROM hours h LEFT JOIN energy_costs_1hour s USING
                              (bucket, machine_id, energy_type, billing_month)
                            """)
                        .mapTo(String.class)
                        .one());
    long extra =
        pg.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            """
                            SELECT count(*) FROM energy_costs_1hour s
                            WHERE NOT EXISTS (
                              SELECT 1 FROM energy_costs_15min c
                              WHERE c.machine_id = s.machine_id AND c.energy_type = s.energy_type
                                AND c.bucket >= s.bucket AND c.bucket < s.bucket + interval '1 hour')
                            """)
                        .mapTo(Long.class)
                        .one());

    assertThat(differences).startsWith("0 missing, 0 different, ").doesNotEndWith(" 0 hours");
    assertThat(extra).isZero();
  }

  @Test
  void daysThatAreOverGetTheirSumsWhichTheKpisReadForWholeDays() {
    var day =
        pg.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            """
                            SELECT energy_kwh, energy_cost, intervals, peak_demand_kw,
                                   peak_at = '2025-06-02T16:00:00Z' AS peak_at_nine,
                                   demand_rate_at_peak
                            FROM energy_costs_1day
                            WHERE machine_id = :m AND bucket = '2025-06-02T00:00:00Z'
                            """)
                        .bind("m", KpiSampleData.COMPRESSOR)
                        .mapToMap()
                        .one());
    long pending =
        pg.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM energy_costs_pending_days WHERE day < now() - interval '1 day'")
                        .mapTo(Long.class)
                        .one());

    assertThat((double) day.get("energy_kwh")).isCloseTo(10.0, within(1e-9));
    assertThat((double) day.get("energy_cost")).isCloseTo(1.75, within(1e-9));
    assertThat(day.get("intervals")).isEqualTo(4L);
    assertThat((double) day.get("peak_demand_kw")).isCloseTo(16.0, within(1e-9));
    assertThat(day.get("peak_at_nine")).isEqualTo(true); // 09:00 in Los Angeles
    assertThat(day.get("demand_rate_at_peak")).isEqualTo(10.0);
    assertThat(pending).isZero();
  }

  @Test
  void gasIsPricedAndRatedPerKwhFromItsSourcesPerCubicMetreFigures() {
    UUID boiler = DemoPlant.machineId(8);
    Instant t = Instant.parse("2025-06-03T20:00:00Z");
    List<Reading> gas = new ArrayList<>();
    for (int minute = 0; minute < 15; minute++) {
      gas.add(
          new EnergyReading(
              boiler,
              t.plusSeconds(60L * minute),
              EnergyType.NATURAL_GAS,
              211.0,
              211.0 / 60,
              null,
              null,
              null,
              null,
              null,
              null));
    }
    new ReadingBatchWriter(pg.database()).write(gas);
    new RollupRefresher(pg.database(), new IntervalPricing(pg.database()))
        .refresh(t, t.plusSeconds(840));

    Cost c = cost(boiler, EnergyType.NATURAL_GAS, t);

    // No gas tariff: the list price 0.50 per m³ at 10.55 kWh per m³; 2.03 kg CO₂ per m³.
    assertThat(c.tariff()).isNull();
    assertThat(c.kwh()).isCloseTo(52.75, within(1e-9));
    assertThat(c.rate()).isCloseTo(0.50 / 10.55, within(1e-12));
    assertThat(c.cost()).isCloseTo(2.5, within(1e-9));
    assertThat(c.co2()).isCloseTo(52.75 * 2.03 / 10.55, within(1e-9));
    assertThat(c.demandRate()).isNull();
  }

  @Test
  void aTariffChangedInPlaceNeverRewritesIntervalsAlreadyPricedUnlessRepricedExplicitly() {
    UUID conveyor = DemoPlant.machineId(3);
    Instant first = Instant.parse("2025-06-04T17:00:00Z"); // Wednesday 10:00 in Los Angeles
    Instant second = first.plusSeconds(900);
    var pricing = new IntervalPricing(pg.database());
    var rollups = new RollupRefresher(pg.database(), pricing);
    List<Reading> readings = new ArrayList<>();
    KpiSampleData.interval(readings, conveyor, first, 8); // 2 kWh
    new ReadingBatchWriter(pg.database()).write(readings);
    rollups.refresh(first, first.plusSeconds(840));
    try {
      setPeakRate(0.40);
      // A late reading in the priced interval, and a new interval, both rolled up now.
      List<Reading> later = new ArrayList<>();
      later.add(EnergyReading.electricity(conveyor, first.plusSeconds(890), 8, 1.0));
      KpiSampleData.interval(later, conveyor, second, 8);
      new ReadingBatchWriter(pg.database()).write(later);
      rollups.refresh(first, second.plusSeconds(840));

      Cost kept = cost(conveyor, "electricity", first);
      assertThat(kept.kwh()).isCloseTo(3.0, within(1e-9));
      assertThat(kept.rate()).isEqualTo(0.25);
      assertThat(kept.cost()).isCloseTo(0.75, within(1e-9));
      assertThat(cost(conveyor, "electricity", second).rate()).isEqualTo(0.40);

      int repriced = pricing.price(first, second, Optional.of(DemoPlant.DEMO_FACTORY), true);
      assertThat(repriced).isEqualTo(1);
      assertThat(cost(conveyor, "electricity", first).rate()).isEqualTo(0.40);
      assertThat(cost(conveyor, "electricity", first).cost()).isCloseTo(1.2, within(1e-9));
    } finally {
      setPeakRate(0.25);
    }
  }

  @Test
  void aDatabaseWithRollupsButNoPricedIntervalIsPricedWholeAtTheFirstRefresh() {
    UUID pump = DemoPlant.machineId(4);
    Instant old = Instant.parse("2024-03-05T18:00:00Z");
    Instant recent = Instant.parse("2025-06-05T18:00:00Z");
    List<Reading> readings = new ArrayList<>();
    KpiSampleData.interval(readings, pump, old, 4);
    KpiSampleData.interval(readings, pump, recent, 4);
    new ReadingBatchWriter(pg.database()).write(readings);
    // Rolled up before costs were kept: no pricing.
    new RollupRefresher(pg.database()).refresh(old, old.plusSeconds(840));
    pg.database().jdbi().useHandle(h -> h.execute("DELETE FROM energy_costs_15min"));

    new RollupRefresher(pg.database(), new IntervalPricing(pg.database()))
        .refresh(recent, recent.plusSeconds(840));

    assertThat(cost(pump, "electricity", old).kwh()).isCloseTo(1.0, within(1e-9));
    assertThat(cost(pump, "electricity", recent).kwh()).isCloseTo(1.0, within(1e-9));
    assertThat(cost(KpiSampleData.COMPRESSOR, "electricity", KpiSampleData.MON_0900).rate())
        .isEqualTo(0.25);
  }

  private static void setPeakRate(double rate) {
    pg.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE energy_tariffs SET rate_per_kwh = :r WHERE id = :id")
                    .bind("r", rate)
                    .bind("id", PEAK)
                    .execute());
  }
}
