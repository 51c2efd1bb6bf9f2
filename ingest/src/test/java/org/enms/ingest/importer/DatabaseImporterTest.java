package org.enms.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.enms.db.Database;
import org.enms.db.RollupRefresher;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Imports into a real PostgreSQL: rows, roll-ups, and a second import that changes nothing. */
class DatabaseImporterTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final String COMPRESSOR = "c0000000-0000-0000-0000-000000000001";

  /** The clock of the import: January 2024 lies within the 90-day retention. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-02-15T00:00:00Z"), ZoneOffset.UTC);

  private static final ExecutorService writers = Executors.newFixedThreadPool(2);

  @AfterAll
  static void stop() {
    writers.shutdownNow();
  }

  private DatabaseImporter importer() {
    Database db = pg.database();
    return new DatabaseImporter(
        db,
        new RollupRefresher(db),
        new ImportSettings(50, 2, java.time.Duration.ofMinutes(5), 1 << 20, 10),
        CLOCK,
        writers);
  }

  /** Two Berlin days of 15-min power, day-first, one missing interval and one duplicated row. */
  private static Path export(Path dir) throws Exception {
    var f = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    StringBuilder csv = new StringBuilder("Zeitstempel;Leistung kW\n");
    Instant start = Instant.parse("2024-01-12T23:00:00Z");
    for (int i = 1; i <= 192; i++) {
      if (i == 50) {
        continue;
      }
      String stamp = f.format(start.plusSeconds(900L * i).atZone(berlin));
      csv.append(stamp).append(';').append("4,0\n");
      if (i == 60) {
        csv.append(stamp).append(';').append("99,0\n");
      }
    }
    Path file = dir.resolve("meter.csv");
    Files.writeString(file, csv);
    return file;
  }

  private static double scalar(String sql) {
    return pg.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Double.class).one());
  }

  @Test
  void importsRowsAndRollUpsAndASecondImportChangesNothing(@TempDir Path dir) throws Exception {
    Path file = export(dir);
    ImportSpec spec =
        ImportSpec.builder("compressor-1", ValueKind.POWER_KW)
            .zone(ZoneId.of("Europe/Berlin"))
            .build();
    DatabaseImporter importer = importer();

    ImportSummary first = importer.run(importer.prepare(spec, ImportSource.of(file)), p -> {});

    assertThat(first.rowsImported()).isEqualTo(191);
    assertThat(first.readingsNew()).isEqualTo(191);
    assertThat(first.duplicateRows()).isEqualTo(1);
    assertThat(first.gapCount()).isEqualTo(1);
    assertThat(first.rangeFrom()).isEqualTo(Instant.parse("2024-01-12T23:15:00Z"));
    assertThat(first.rangeTo()).isEqualTo(Instant.parse("2024-01-14T23:00:00Z"));
    String machine = "machine_id = '" + COMPRESSOR + "'";
    assertThat(scalar("SELECT count(*) FROM energy_readings WHERE " + machine)).isEqualTo(191);
    assertThat(scalar("SELECT sum(energy_kwh) FROM energy_readings WHERE " + machine))
        .isCloseTo(191.0, within(1e-6));
    assertThat(scalar("SELECT max(power_kw) FROM energy_readings WHERE " + machine)).isEqualTo(4.0);
    double daily =
        scalar("SELECT sum(total_energy_kwh) FROM energy_readings_1day WHERE " + machine);
    double hourly =
        scalar("SELECT sum(total_energy_kwh) FROM energy_readings_1hour WHERE " + machine);
    assertThat(daily).isCloseTo(191.0, within(1e-6));
    assertThat(hourly).isCloseTo(191.0, within(1e-6));
    assertThat(
            scalar(
                "SELECT total_energy_kwh FROM energy_readings_1day WHERE "
                    + machine
                    + " AND bucket = '2024-01-13T00:00:00Z'"))
        .isCloseTo(95.0, within(1e-6)); // 96 UTC intervals of 1 kWh, one missing

    ImportSummary again = importer.run(importer.prepare(spec, ImportSource.of(file)), p -> {});

    assertThat(again.rowsImported()).isEqualTo(191);
    assertThat(again.readingsNew()).isZero();
    assertThat(scalar("SELECT count(*) FROM energy_readings WHERE " + machine)).isEqualTo(191);
    assertThat(scalar("SELECT sum(total_energy_kwh) FROM energy_readings_1day WHERE " + machine))
        .isEqualTo(daily);
    assertThat(
            scalar(
                "SELECT count(*) FROM machine_status WHERE "
                    + machine
                    + " AND last_updated IS NOT NULL"))
        .isZero();
  }

  @Test
  void anUnknownMachineIsRefusedBeforeTheFileIsRead(@TempDir Path dir) throws Exception {
    Path file = export(dir);
    assertThatThrownBy(
            () ->
                importer()
                    .prepare(
                        ImportSpec.builder("Compressor", ValueKind.POWER_KW).build(),
                        ImportSource.of(file)))
        .isInstanceOf(InvalidImportSpecException.class)
        .hasMessageContaining("no machine named exactly Compressor; did you mean Compressor-1");
  }

  private static double kwh(String machine, String table, String column, String range) {
    return scalar(
        "SELECT coalesce(sum("
            + column
            + "), 0) FROM "
            + table
            + " WHERE machine_id = '"
            + machine
            + "' AND "
            + range);
  }

  /** A year of 15-min kWh ending at the quarter hours of 2018 (UTC), 0.25 kWh each. */
  private static Path year2018(Path dir) throws Exception {
    StringBuilder csv = new StringBuilder("time;kWh\n");
    Instant t = Instant.parse("2018-01-01T00:15:00Z");
    Instant end = Instant.parse("2019-01-01T00:00:00Z");
    for (; !t.isAfter(end); t = t.plusSeconds(900)) {
      csv.append(t.toString(), 0, 16).append(";0.25\n");
    }
    Path file = dir.resolve("2018.csv");
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void aYearFarOlderThanTheRawRetentionIsRolledUpAndKeptAsHistory(@TempDir Path dir)
      throws Exception {
    String machine = "c0000000-0000-0000-0000-000000000008";
    Database db = pg.database();
    DatabaseImporter importer =
        new DatabaseImporter(
            db,
            new RollupRefresher(db),
            new ImportSettings(5000, 2, java.time.Duration.ofMinutes(5), 1 << 20, 10),
            Clock.systemUTC(),
            writers);

    ImportSummary s =
        importer.run(
            importer.prepare(
                ImportSpec.builder("Boiler-1", ValueKind.ENERGY_KWH).build(),
                ImportSource.of(year2018(dir))),
            p -> {});

    assertThat(s.rowsImported()).isEqualTo(35_040);
    assertThat(s.rowsRejected()).isZero();
    assertThat(s.rowsHistory()).isEqualTo(35_040);
    assertThat(s.rawRetentionDays()).isEqualTo(90);
    assertThat(s.notes()).hasSize(1).allMatch(n -> n.startsWith("35,040 rows are history"));
    String year = "bucket >= '2018-01-01' AND bucket < '2019-01-01'";
    assertThat(kwh(machine, "energy_readings_1day", "total_energy_kwh", year))
        .isCloseTo(35_040 * 0.25 - 0.25, within(1e-6)); // the last row closes 2018 on 2019-01-01
    assertThat(kwh(machine, "energy_readings_15min", "total_energy_kwh", "true"))
        .isCloseTo(35_040 * 0.25, within(1e-6));

    db.retention().expire(Instant.now());
    assertThat(kwh(machine, "energy_readings", "energy_kwh", "true"))
        .isCloseTo(35_040 * 0.25, within(1e-6));
  }

  @Test
  void liveEraRowsOlderThanTheRetentionKeepTheirRollUpsWhenTheirRawRowsGo(@TempDir Path dir)
      throws Exception {
    String machine = "c0000000-0000-0000-0000-000000000003";
    Database db = pg.database();
    Instant today = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    setHorizon(Instant.parse("2017-01-01T00:00:00Z"));
    try {
      DatabaseImporter importer =
          new DatabaseImporter(
              db,
              new RollupRefresher(db),
              new ImportSettings(5000, 2, java.time.Duration.ofMinutes(5), 1 << 20, 10),
              Clock.systemUTC(),
              writers);
      ImportSummary s =
          importer.run(
              importer.prepare(
                  ImportSpec.builder("Conveyor-A", ValueKind.ENERGY_KWH).build(),
                  ImportSource.of(year2018(dir))),
              p -> {});
      assertThat(s.rowsHistory()).isZero();
      assertThat(s.rowsPastRawRetention()).isEqualTo(35_040);
      assertThat(s.notes())
          .hasSize(1)
          .allMatch(n -> n.startsWith("35,040 rows are older than the raw retention of 90 days"));

      assertThat(db.retention().expire(Instant.now())).isPositive();

      assertThat(kwh(machine, "energy_readings", "energy_kwh", "true")).isZero();
      assertThat(kwh(machine, "energy_readings_1hour", "total_energy_kwh", "true"))
          .isCloseTo(35_040 * 0.25, within(1e-6));
      assertThat(kwh(machine, "energy_readings_1day", "total_energy_kwh", "true"))
          .isCloseTo(35_040 * 0.25, within(1e-6));
    } finally {
      setHorizon(today);
    }
  }

  private static void setHorizon(Instant historyBefore) {
    pg.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE raw_retention SET history_before = :t, dropped_before = :t")
                    .bind("t", historyBefore.atOffset(ZoneOffset.UTC))
                    .execute());
  }

  @Test
  void newRowsOfTodayHaveTheMachinesLiveStateReloadOnce(@TempDir Path dir) throws Exception {
    Instant midnight = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    Path file = dir.resolve("today.csv");
    Files.writeString(file, "time,kwh\n" + midnight.minusSeconds(900) + ",1\n" + midnight + ",2\n");
    ImportSpec spec =
        ImportSpec.builder("Hydraulic-Pump-1", ValueKind.ENERGY_KWH)
            .interval(java.time.Duration.ofMinutes(15))
            .build();
    var told = new java.util.concurrent.CopyOnWriteArrayList<java.util.UUID>();
    Database db = pg.database();
    DatabaseImporter importer =
        new DatabaseImporter(
            db,
            new RollupRefresher(db),
            new ImportSettings(50, 2, java.time.Duration.ofMinutes(5), 1 << 20, 10),
            Clock.systemUTC(),
            writers,
            told::add);

    ImportSummary first = importer.run(importer.prepare(spec, ImportSource.of(file)), p -> {});
    ImportSummary again = importer.run(importer.prepare(spec, ImportSource.of(file)), p -> {});

    assertThat(first.rowsToday()).isEqualTo(1);
    assertThat(first.liveStateReloaded()).isTrue();
    assertThat(first.notes())
        .contains(
            "1 rows are for today (UTC): the machine's live totals (/api/v1/machines/status) were"
                + " reloaded from the database to include them.");
    assertThat(told)
        .containsExactly(java.util.UUID.fromString("c0000000-0000-0000-0000-000000000004"));
    assertThat(again.readingsNew()).isZero();
    assertThat(again.liveStateReloaded()).isFalse();
  }

  @Test
  void withoutALiveStateTheSummarySaysWhenANodeTakesTodaysRowsUp(@TempDir Path dir)
      throws Exception {
    Instant midnight = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    Path file = dir.resolve("today.csv");
    Files.writeString(file, "time,kwh\n" + midnight.minusSeconds(900) + ",1\n" + midnight + ",2\n");
    ImportSpec spec =
        ImportSpec.builder("Compressor-EU-1", ValueKind.ENERGY_KWH)
            .interval(java.time.Duration.ofMinutes(15))
            .build();
    Database db = pg.database();
    DatabaseImporter importer =
        new DatabaseImporter(
            db,
            new RollupRefresher(db),
            new ImportSettings(50, 2, java.time.Duration.ofMinutes(5), 1 << 20, 10),
            Clock.systemUTC(),
            writers);

    ImportSummary s = importer.run(importer.prepare(spec, ImportSource.of(file)), p -> {});

    assertThat(s.liveStateReloaded()).isFalse();
    assertThat(s.notes())
        .anyMatch(
            n ->
                n.startsWith("1 rows are for today (UTC): a running node's live totals")
                    && n.contains("POST /api/v1/import"));
  }
}
