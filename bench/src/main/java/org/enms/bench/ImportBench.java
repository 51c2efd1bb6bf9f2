package org.enms.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.enms.db.Database;
import org.enms.db.DbSettings;
import org.enms.db.RollupRefresher;
import org.enms.ingest.importer.DatabaseImporter;
import org.enms.ingest.importer.ImportSettings;
import org.enms.ingest.importer.ImportSource;
import org.enms.ingest.importer.ImportSpec;
import org.enms.ingest.importer.ImportSummary;
import org.enms.ingest.importer.StampConvention;
import org.enms.ingest.importer.ValueKind;

/**
 * Import speed: generates two CSV files into the temp directory and imports them, roll-ups
 * included, into a freshly created database, printing rows/s and elapsed time.
 *
 * <ol>
 *   <li>one year (2018) of 15-min data for one machine (35,040 rows), as a German meter portal
 *       exports it: day-first local Berlin time with DST, {@code ;} and decimal comma,
 *       interval-beginning stamps, power in kW; with the shipped 90-day retention it is history of
 *       the new database, imported like any rows;
 *   <li>a bulk file of 1-s readings (10 million rows by default, ~116 days), ISO-8601 UTC, energy
 *       in Wh.
 * </ol>
 *
 * <p>Usage: {@code java -cp bench/target/enms-bench.jar:bench/target/lib/*
 * org.enms.bench.ImportBench [--url=jdbc:postgresql://127.0.0.1:5432/enms_import_bench]
 * [--user=postgres] [--password=] [--bulk-rows=10000000] [--writers=2] [--batch-rows=5000]}. The
 * database named in the URL is dropped and created again, so point it at a scratch database.
 */
public final class ImportBench {
  private static final String YEAR_MACHINE = "import-bench-year";
  private static final String BULK_MACHINE = "import-bench-bulk";
  private static final String SECOND_MACHINE = "import-bench-year-2";

  private ImportBench() {}

  /** The bench's two machines, in a factory of their own. */
  private static void registerMachines(Database db) {
    db.jdbi()
        .useTransaction(
            h -> {
              h.execute(
                  "INSERT INTO factories (id, name, location) VALUES"
                      + " ('1b000000-0000-0000-0000-000000000001', 'Import bench', 'bench')");
              h.execute(
                  "INSERT INTO machines (id, factory_id, name, type, rated_power_kw) VALUES"
                      + " ('1b000000-0000-0000-0000-000000000011',"
                      + " '1b000000-0000-0000-0000-000000000001', ?, 'other', 100),"
                      + " ('1b000000-0000-0000-0000-000000000012',"
                      + " '1b000000-0000-0000-0000-000000000001', ?, 'other', 100),"
                      + " ('1b000000-0000-0000-0000-000000000013',"
                      + " '1b000000-0000-0000-0000-000000000001', ?, 'other', 100)",
                  YEAR_MACHINE,
                  BULK_MACHINE,
                  SECOND_MACHINE);
            });
  }

  public static void main(String[] args) throws Exception {
    if (java.util.Arrays.asList(args).contains("--help")) {
      // Without this, --help would run the bench, which drops the database it names.
      System.out.println(
          "Usage: ImportBench [--url=jdbc:postgresql://127.0.0.1:5432/enms_import_bench]"
              + " [--user=postgres] [--password=] [--bulk-rows=10000000] [--writers=2]"
              + " [--batch-rows=5000]\n"
              + "Generates a year of 15-min data (2018, Berlin) and a bulk file of 1-s rows, and"
              + " imports them with roll-ups into the database named by --url, which is DROPPED"
              + " and created again: point it at a scratch database.");
      return;
    }
    String url = arg(args, "url", "jdbc:postgresql://127.0.0.1:5432/enms_import_bench");
    String user = arg(args, "user", "postgres");
    String password = arg(args, "password", "");
    long bulkRows = Long.parseLong(arg(args, "bulk-rows", "10000000"));
    int writers = Integer.parseInt(arg(args, "writers", "2"));
    int batchRows = Integer.parseInt(arg(args, "batch-rows", "5000"));

    recreate(url, user, password);
    DbSettings settings =
        DbSettings.fromConfig(com.typesafe.config.ConfigFactory.load())
            .withUrl(url)
            .withCredentials(user, password)
            .withPoolSize(writers + 2);
    // The shipped retention (90 days): the generated year is history from before the live era of
    // this new database, which an import takes like any other rows.
    Path dir = Path.of(System.getProperty("java.io.tmpdir"));
    Path year = dir.resolve("enms-import-year.csv");
    Path bulk = dir.resolve("enms-import-bulk.csv");
    long t0 = System.nanoTime();
    writeYear(year);
    writeBulk(bulk, bulkRows);
    System.out.printf(
        Locale.ROOT, "generated %s and %s in %.1f s%n", year, bulk, (System.nanoTime() - t0) / 1e9);

    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try (Database db = Database.start(settings)) {
      System.out.printf(Locale.ROOT, "database %s (%s dialect)%n", url, db.dialect());
      registerMachines(db);
      var importer =
          new DatabaseImporter(
              db,
              new RollupRefresher(db),
              new ImportSettings(batchRows, writers, Duration.ofMinutes(5), 1L << 40, 10),
              Clock.systemUTC(),
              pool);
      report(
          "year of 15-min data",
          importer,
          ImportSpec.builder(YEAR_MACHINE, ValueKind.POWER_KW)
              .zone(ZoneId.of("Europe/Berlin"))
              .stamp(StampConvention.BEGINNING)
              .build(),
          year);
      report(
          "same year again (idempotent)",
          importer,
          ImportSpec.builder(YEAR_MACHINE, ValueKind.POWER_KW)
              .zone(ZoneId.of("Europe/Berlin"))
              .stamp(StampConvention.BEGINNING)
              .build(),
          year);
      report(
          "same year, second machine",
          importer,
          ImportSpec.builder(SECOND_MACHINE, ValueKind.POWER_KW)
              .zone(ZoneId.of("Europe/Berlin"))
              .stamp(StampConvention.BEGINNING)
              .build(),
          year);
      report(
          "bulk 1-s data",
          importer,
          ImportSpec.builder(BULK_MACHINE, ValueKind.ENERGY_WH).build(),
          bulk);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void report(String what, DatabaseImporter importer, ImportSpec spec, Path file)
      throws IOException {
    long start = System.nanoTime();
    var ready = importer.prepare(spec, ImportSource.of(file));
    ImportSummary s = importer.run(ready, p -> {});
    double seconds = (System.nanoTime() - start) / 1e9;
    double writeSeconds = seconds - s.rollupDuration().toNanos() / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%-30s rows=%,d new=%,d rejected=%d gaps=%d range=%s..%s%n"
            + "%-30s total %.2f s (%,.0f rows/s); parse+write %.2f s (%,.0f rows/s); roll-ups %.2f s%n",
        what,
        s.rowsImported(),
        s.readingsNew(),
        s.rowsRejected(),
        s.gapCount(),
        s.rangeFrom(),
        s.rangeTo(),
        "",
        seconds,
        s.rowsImported() / seconds,
        writeSeconds,
        s.rowsImported() / writeSeconds,
        s.rollupDuration().toNanos() / 1e9);
  }

  /** 2018 in Berlin local time, stamps at interval beginning, 24 h load profile around 40 kW. */
  private static void writeYear(Path file) throws IOException {
    var f = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Instant start = java.time.LocalDate.of(2018, 1, 1).atStartOfDay(berlin).toInstant();
    Instant end = java.time.LocalDate.of(2019, 1, 1).atStartOfDay(berlin).toInstant();
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("Zeitstempel;Leistung [kW]\n");
      int i = 0;
      for (Instant t = start; t.isBefore(end); t = t.plusSeconds(900), i++) {
        double kw = 40 + 15 * Math.sin(i * 2 * Math.PI / 96) + (i % 7);
        w.write(f.format(t.atZone(berlin)));
        w.write(';');
        w.write(String.format(Locale.GERMANY, "%.3f", kw));
        w.write('\n');
      }
    }
  }

  /** {@code rows} 1-s rows from 2026-03-01, ISO UTC, Wh per second. */
  private static void writeBulk(Path file, long rows) throws IOException {
    long start = Instant.parse("2026-03-01T00:00:00Z").getEpochSecond();
    try (BufferedWriter w =
        Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.US_ASCII)) {
      w.write("time,wh\n");
      StringBuilder line = new StringBuilder(40);
      for (long i = 1; i <= rows; i++) {
        line.setLength(0);
        line.append(Instant.ofEpochSecond(start + i))
            .append(',')
            .append(5 + (i % 11))
            .append('.')
            .append(i % 10)
            .append('\n');
        w.append(line);
      }
    }
  }

  private static void recreate(String url, String user, String password) throws SQLException {
    int slash = url.lastIndexOf('/');
    int query = url.indexOf('?', slash);
    String name = url.substring(slash + 1, query < 0 ? url.length() : query);
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("bench database name must be [a-z0-9_]+: " + name);
    }
    try (Connection c =
            DriverManager.getConnection(url.substring(0, slash + 1) + "postgres", user, password);
        var s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    }
  }

  private static String arg(String[] args, String name, String fallback) {
    for (String a : args) {
      if (a.startsWith("--" + name + "=")) {
        return a.substring(name.length() + 3);
      }
    }
    return fallback;
  }
}
