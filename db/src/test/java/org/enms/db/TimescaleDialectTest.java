package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.enms.db.testing.TestPostgresServer;
import org.enms.db.testing.TestTimescaleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The TimescaleDB dialect against a real TimescaleDB: PGlite with TimescaleDB compiled in, served
 * over the wire protocol by {@code src/test/timescaledb/server.mjs}. Slow (WebAssembly, one
 * connection), so it checks only what the plain-dialect tests cannot: the migrations' hypertables,
 * continuous aggregates and policies, and that the aggregates hold the same totals as the plain
 * dialect's roll-up tables for the same data.
 */
class TimescaleDialectTest {
  private static TestTimescaleServer server;
  private static Database database;

  @BeforeAll
  static void startTimescaleDb() throws Exception {
    server = TestTimescaleServer.start();
    database = Database.start(server.settings());
  }

  @AfterAll
  static void stop() throws Exception {
    if (database != null) {
      database.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static List<String> names(String sql) {
    return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
  }

  @Test
  void autoDetectsTimescaleAndCreatesHypertablesAggregatesAndPolicies() {
    assertThat(database.dialect()).isEqualTo(Dialect.TIMESCALE);
    assertThat(names("SELECT hypertable_name FROM timescaledb_information.hypertables"))
        .containsExactlyInAnyOrder("energy_readings", "production_data", "environmental_data");
    assertThat(names("SELECT view_name FROM timescaledb_information.continuous_aggregates"))
        .hasSize(12)
        .contains("energy_readings_1min", "production_data_15min", "environmental_data_1day");
    assertThat(names("SELECT proc_name FROM timescaledb_information.jobs WHERE job_id >= 1000"))
        .filteredOn("policy_refresh_continuous_aggregate"::equals)
        .hasSize(12);
    assertThat(
            names("SELECT hypertable_name || ':' || proc_name FROM timescaledb_information.jobs"))
        .contains("energy_readings:policy_compression", "environmental_data:policy_compression")
        // Raw retention is the node's own (RawRetention), so that it keeps imported history.
        .noneMatch(job -> job != null && job.endsWith(":policy_retention"));
  }

  /**
   * Why the node runs raw retention itself: a refresh over dropped chunks erases the aggregates
   * there. Imported history keeps its raw chunks, so importing a second machine's 2018 keeps the
   * first machine's; the live era's chunks go, and their aggregates stay as long as nothing
   * refreshes over them (the importer refuses those days).
   */
  @Test
  void rawRetentionDropsOnlyTheLiveErasChunksAndEveryMachinesAggregatedHistoryStays() {
    java.util.UUID first = org.enms.core.plant.DemoPlant.machineId(6);
    java.util.UUID second = org.enms.core.plant.DemoPlant.machineId(7);
    java.time.Instant history = java.time.Instant.parse("2018-03-04T00:00:00Z");
    java.time.Instant oldLive = java.time.Instant.parse("2020-06-01T00:00:00Z");
    try {
      writeDayAndRefresh(first, history);
      writeDayAndRefresh(first, oldLive);
      database
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "UPDATE raw_retention SET history_before = '2020-01-01',"
                          + " dropped_before = '2020-01-01'"));

      assertThat(database.retention().expire(java.time.Instant.now())).isPositive();
      assertThat(rawRows(first, history)).isEqualTo(24);
      assertThat(rawRows(first, oldLive)).isZero();
      assertThat(database.retention().horizon().isDropped(oldLive)).isTrue();

      writeDayAndRefresh(second, history);
      assertThat(dailyKwh(first, history)).isCloseTo(24.0, within(1e-9));
      assertThat(dailyKwh(second, history)).isCloseTo(24.0, within(1e-9));
      assertThat(dailyKwh(first, oldLive)).isCloseTo(24.0, within(1e-9));
    } finally {
      // The totals test compares every aggregate row with the plain dialect's.
      database
          .jdbi()
          .useHandle(
              h ->
                  h.createUpdate("DELETE FROM energy_readings WHERE machine_id IN (:a, :b)")
                      .bind("a", first)
                      .bind("b", second)
                      .execute());
      var rollups = new RollupRefresher(database);
      rollups.refresh(history, history.plus(Duration.ofDays(1)));
      rollups.refresh(oldLive, oldLive.plus(Duration.ofDays(1)));
    }
  }

  /** Hourly readings of 1 kWh ending at {@code day + 1 h .. day + 24 h}, then their roll-ups. */
  private static void writeDayAndRefresh(java.util.UUID machine, java.time.Instant day) {
    var readings = new java.util.ArrayList<org.enms.core.reading.Reading>();
    for (int hour = 1; hour <= 24; hour++) {
      readings.add(
          org.enms.core.reading.EnergyReading.electricity(
              machine, day.plus(Duration.ofHours(hour)), 1, 1));
    }
    new ReadingBatchWriter(database, 40).write(readings);
    new RollupRefresher(database).refresh(day, day.plus(Duration.ofDays(1)));
  }

  private static long rawRows(java.util.UUID machine, java.time.Instant day) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM energy_readings WHERE machine_id = :m"
                            + " AND time > :from AND time <= :to")
                    .bind("m", machine)
                    .bind("from", Rows.utc(day))
                    .bind("to", Rows.utc(day.plus(Duration.ofDays(1))))
                    .mapTo(Long.class)
                    .one());
  }

  /** The machine's energy in the 1day aggregate over {@code day} and the next day's first hour. */
  private static double dailyKwh(java.util.UUID machine, java.time.Instant day) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT coalesce(sum(total_energy_kwh), 0) FROM energy_readings_1day"
                            + " WHERE machine_id = :m AND bucket >= :from AND bucket <= :to")
                    .bind("m", machine)
                    .bind("from", Rows.utc(day))
                    .bind("to", Rows.utc(day.plus(Duration.ofDays(1))))
                    .mapTo(Double.class)
                    .one());
  }

  @Test
  void aggregatesAnswerInRealTimeIncludingBucketsNotYetMaterialised() {
    assertThat(
            names(
                "SELECT view_name FROM timescaledb_information.continuous_aggregates"
                    + " WHERE materialized_only"))
        .isEmpty();
    java.util.UUID machine = org.enms.core.plant.DemoPlant.machineId(5);
    java.time.Instant start = java.time.Instant.parse("2025-06-01T10:00:00Z");
    var readings = new java.util.ArrayList<org.enms.core.reading.Reading>();
    for (int s = 0; s < 600; s += 60) {
      readings.add(
          org.enms.core.reading.EnergyReading.electricity(machine, start.plusSeconds(s), 6, 0.1));
    }
    new ReadingBatchWriter(database, 40).write(readings);
    try {
      // No refresh: the hour exists only in the raw readings.
      List<SeriesPoint> hourly =
          new TimeseriesDao(database)
              .energy(machine, start, start.plus(Duration.ofHours(1)), Interval.HOUR1);
      assertThat(hourly).hasSize(1);
      assertThat(hourly.get(0).value()).isCloseTo(1.0, within(1e-9));
    } finally {
      // The totals test compares every row of the aggregates with the plain dialect's.
      database
          .jdbi()
          .useHandle(
              h ->
                  h.createUpdate("DELETE FROM energy_readings WHERE machine_id = :m")
                      .bind("m", machine)
                      .execute());
    }
  }

  @Test
  void continuousAggregatesHoldTheSameTotalsAsThePlainRollups() {
    Duration span = Duration.ofMinutes(SampleData.MINUTES);
    var readings = SampleData.readings();
    // Small batches: the writer's multi-row insert path (COPY does not pass this socket server),
    // in statements below pgjdbc's 8-KB flush.
    WriteResult written = new ReadingBatchWriter(database, 40).write(readings);
    assertThat(written.inserted()).isEqualTo(readings.size());
    new RollupRefresher(database).refresh(SampleData.START, SampleData.START.plus(span));

    TestPostgresServer plainServer = TestPostgresServer.shared();
    String plainName = plainServer.createDatabase();
    try (Database plain = Database.start(plainServer.settingsFor(plainName))) {
      new ReadingBatchWriter(plain).write(readings);
      new RollupRefresher(plain).refresh(SampleData.START, SampleData.START.plus(span));
      for (String level : List.of("1hour", "1day")) {
        assertSame(
            RollupTotals.energy(plain.jdbi(), level),
            RollupTotals.energy(database.jdbi(), level),
            "energy_readings_" + level);
        assertSame(
            RollupTotals.production(plain.jdbi(), level),
            RollupTotals.production(database.jdbi(), level),
            "production_data_" + level);
      }
    } finally {
      plainServer.dropDatabase(plainName);
    }
    List<SeriesPoint> hourly =
        new TimeseriesDao(database)
            .energy(
                org.enms.core.plant.DemoPlant.machineId(8),
                SampleData.START,
                SampleData.START.plus(span),
                Interval.HOUR1);
    assertThat(hourly)
        .hasSize(4)
        .allSatisfy(p -> assertThat(p.value()).isCloseTo(4.0, within(1e-9)));
  }

  /**
   * The interval cost roll-up and {@code calculate_all_kpis} over the continuous aggregates: the
   * intervals read for pricing, the priced rows written in simple query mode, and the function's
   * row, all the same as on plain PostgreSQL for the same readings.
   */
  @Test
  void intervalCostsAndCalculateAllKpisMatchThePlainDialect() {
    Duration span = Duration.ofMinutes(SampleData.MINUTES);
    java.util.UUID compressor = org.enms.core.plant.DemoPlant.machineId(1);
    new ReadingBatchWriter(database, 40).write(SampleData.readings());
    new RollupRefresher(database).refresh(SampleData.START, SampleData.START.plus(span));
    TestPostgresServer plainServer = TestPostgresServer.shared();
    String plainName = plainServer.createDatabase();
    try (Database plain = Database.start(plainServer.settingsFor(plainName))) {
      new ReadingBatchWriter(plain).write(SampleData.readings());
      new RollupRefresher(plain).refresh(SampleData.START, SampleData.START.plus(span));
      int priced = priceAtOneRate(database, span);
      assertThat(priced).isEqualTo(priceAtOneRate(plain, span)).isPositive();

      var onTimescale =
          new org.enms.db.kpi.KpiDao(database)
              .calculateAllKpis(
                  compressor, SampleData.START, SampleData.START.plus(span), "electricity")
              .orElseThrow();
      var onPlain =
          new org.enms.db.kpi.KpiDao(plain)
              .calculateAllKpis(
                  compressor, SampleData.START, SampleData.START.plus(span), "electricity")
              .orElseThrow();

      assertThat(onTimescale.totalEnergyKwh()).isPositive();
      assertThat(onTimescale.totalCost())
          .isCloseTo(onTimescale.totalEnergyKwh() * 0.2 + onTimescale.demandCharge(), within(1e-9));
      assertThat(onTimescale.demandCharge())
          .isCloseTo(onTimescale.peakDemandKw() * 10, within(1e-9)); // one billing month
      assertThat(onTimescale.totalProductionUnits()).isPositive();
      assertThat(onTimescale)
          .usingRecursiveComparison()
          .withComparatorForType(
              (a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b), Double.class)
          .isEqualTo(onPlain);

      // The plant views' reads (many machines, every energy type, hourly and daily buckets).
      var boiler = org.enms.core.plant.DemoPlant.machineId(8);
      Instant end = SampleData.START.plus(span);
      var plantOnTimescale = new org.enms.db.kpi.PlantDao(database, java.time.Clock.systemUTC());
      var plantOnPlain = new org.enms.db.kpi.PlantDao(plain, java.time.Clock.systemUTC());
      var totals =
          plantOnTimescale.totals(List.of(compressor, boiler), null, SampleData.START, end);
      assertThat(totals).hasSize(3);
      assertThat(
              List.of(
                  totals,
                  plantOnTimescale.energyAndUnits(
                      compressor, SampleData.START, end, Duration.ofHours(1)),
                  plantOnTimescale.energyAndUnits(
                      compressor, SampleData.START, end, Duration.ofDays(1)),
                  plantOnTimescale.energyTypes(boiler, SampleData.START, end)))
          .usingRecursiveComparison()
          .withComparatorForType(
              (a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b), Double.class)
          .isEqualTo(
              List.of(
                  plantOnPlain.totals(List.of(compressor, boiler), null, SampleData.START, end),
                  plantOnPlain.energyAndUnits(
                      compressor, SampleData.START, end, Duration.ofHours(1)),
                  plantOnPlain.energyAndUnits(
                      compressor, SampleData.START, end, Duration.ofDays(1)),
                  plantOnPlain.energyTypes(boiler, SampleData.START, end)));
    } finally {
      plainServer.dropDatabase(plainName);
      database.jdbi().useHandle(h -> h.execute("DELETE FROM energy_costs_15min"));
    }
  }

  /**
   * Prices every 15-minute interval of the sample at 0.2 per kWh, 0.45 kg CO₂ per kWh and a demand
   * charge of 10 per kW, billed by UTC month.
   */
  private static int priceAtOneRate(Database db, Duration span) {
    new org.enms.db.registry.PlantApplier(db).apply(org.enms.db.registry.DemoPlantSpec.get());
    var costs = new org.enms.db.kpi.CostRollupDao(db, 40);
    List<org.enms.db.kpi.CostRow> rows =
        costs
            .intervals(SampleData.START, SampleData.START.plus(span), java.util.Optional.empty())
            .stream()
            .map(
                i ->
                    new org.enms.db.kpi.CostRow(
                        i.bucket(),
                        i.machineId(),
                        i.energyType(),
                        java.time.LocalDate.ofInstant(i.bucket(), java.time.ZoneOffset.UTC)
                            .withDayOfMonth(1),
                        i.energyKwh(),
                        i.demandKw(),
                        null,
                        0.2,
                        i.energyKwh() * 0.2,
                        "USD",
                        null,
                        10.0,
                        0.45,
                        i.energyKwh() * 0.45))
            .toList();
    costs.write(rows, false);
    return rows.size();
  }

  private static void assertSame(
      Map<String, double[]> plain, Map<String, double[]> timescale, String what) {
    assertThat(timescale.keySet()).as(what).isEqualTo(plain.keySet()).isNotEmpty();
    plain.forEach(
        (key, values) ->
            assertThat(timescale.get(key))
                .as(what + " " + key)
                .containsExactly(values, within(1e-9)));
  }
}
