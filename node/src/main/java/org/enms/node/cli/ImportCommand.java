package org.enms.node.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.enms.core.json.Json;
import org.enms.db.Database;
import org.enms.db.DbSettings;
import org.enms.db.RollupRefresher;
import org.enms.ingest.importer.DatabaseImporter;
import org.enms.ingest.importer.ImportSettings;
import org.enms.ingest.importer.ImportSource;
import org.enms.ingest.importer.ImportSpecParser;
import org.enms.ingest.importer.ImportSummary;
import org.enms.ingest.importer.InvalidImportSpecException;
import org.enms.node.embedded.EmbeddedServices;
import org.enms.node.embedded.EmbeddedSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./enms import FILE --machine NAME ...}: imports a meter export straight into the database
 * the node's configuration names ({@code ENMS_DB_URL}; with {@code embedded}, the PostgreSQL under
 * {@code ENMS_DATA_DIR}: the running node's server when it is up, else started for the import). It
 * shows progress every second and ends with the summary, the only thing it prints on standard
 * output.
 *
 * <p>It runs without the node's actor system, so it cannot tell machine entities about rows of
 * today: a running node's live totals include them once the entity restores from the database (the
 * summary says so); {@code POST /api/v1/import} has them reload at once.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import a CSV meter export (historical data) for one machine. Rows are stored at the end of"
            + " their interval; importing the same file again changes nothing.")
public final class ImportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
  Path file;

  @Option(names = "--machine", required = true, description = "Machine name or id.")
  String machine;

  @Option(
      names = "--value-kind",
      required = true,
      description = "power_w, power_kw, energy_wh, energy_kwh, counter_wh or counter_kwh.")
  String valueKind;

  @Option(
      names = "--timestamp-column",
      description = "Timestamp (or date) column: header name or 1-based position. Default 1.")
  String timestampColumn;

  @Option(names = "--time-column", description = "Separate time-of-day column, joined to the date.")
  String timeColumn;

  @Option(
      names = "--value-column",
      description = "Value column: header name or position. Default 2.")
  String valueColumn;

  @Option(
      names = "--format",
      description = "java.time pattern, e.g. 'dd.MM.yyyy HH:mm'. Default: detected.")
  String format;

  @Option(names = "--day-first", description = "Dates are day/month/year.")
  boolean dayFirst;

  @Option(names = "--month-first", description = "Dates are month/day/year.")
  boolean monthFirst;

  @Option(names = "--timezone", description = "IANA zone of stamps without offset. Default UTC.")
  String timezone;

  @Option(names = "--stamp", description = "beginning or ending (default) of the interval.")
  String stamp;

  @Option(
      names = "--interval",
      description = "Row interval, e.g. 15m, 1h, 30s. Default: median step.")
  String interval;

  @Option(names = "--delimiter", description = "; , | or tab. Default: detected.")
  String delimiter;

  @Option(
      names = "--decimal-comma",
      arity = "0..1",
      fallbackValue = "true",
      description = "Numbers use a decimal comma. Default: detected.")
  String decimalComma;

  @Option(names = "--no-header", description = "The first line is data.")
  boolean noHeader;

  @Option(names = "--production-column", description = "Units produced per interval.")
  String productionColumn;

  @Option(
      names = "--driver",
      description = "Driver column as field=column, e.g. outdoor_temp_c=OAT (repeatable).")
  java.util.List<String> drivers;

  @Option(
      names = "--json",
      description =
          "Print the summary as JSON (only it goes to standard output; logs and progress"
              + " go to standard error).")
  boolean json;

  /**
   * Only the summary goes to standard output: log lines (the node's logback writes to the console's
   * standard output), progress and whatever a library prints go to standard error while the import
   * runs, so that {@code --json} output can be piped into {@code jq}.
   */
  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    System.setOut(System.err);
    try {
      return importFile(out);
    } finally {
      out.flush();
      System.setOut(out);
    }
  }

  private Integer importFile(PrintStream out) throws Exception {
    if (!Files.isReadable(file)) {
      System.err.println("enms import: cannot read " + file);
      return 2;
    }
    Map<String, String> fields = fields();
    Config config = withDatabaseOnly(ConfigFactory.load());
    try (EmbeddedServices services = startDatabaseServer(config);
        Database db = Database.start(DbSettings.fromConfig(services.config()))) {
      ExecutorService writers = Executors.newFixedThreadPool(2);
      try {
        ImportSettings settings = ImportSettings.fromConfig(services.config());
        var importer =
            new DatabaseImporter(db, new RollupRefresher(db), settings, Clock.systemUTC(), writers);
        var ready = importer.prepare(ImportSpecParser.parse(fields), ImportSource.of(file));
        System.err.printf(
            Locale.ROOT,
            "importing %s for %s: timestamps %s, interval %s, delimiter '%s', decimal comma %s%n",
            file,
            ready.machine().name(),
            ready.file().timestampLayout(),
            ready.file().interval(),
            ready.file().delimiter(),
            ready.file().decimalComma());
        ProgressLine progress = new ProgressLine(System.err, System.console() != null);
        ImportSummary summary = importer.run(ready, progress::update);
        progress.done();
        if (json) {
          out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        } else {
          SummaryText.print(summary, out);
        }
        return 0;
      } finally {
        writers.shutdownNow();
      }
    } catch (InvalidImportSpecException e) {
      for (var p : e.problems()) {
        System.err.println("enms import: " + option(p.field()) + ": " + p.message());
      }
      return 2;
    }
  }

  private Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    put(f, "machine", machine);
    put(f, "value_kind", valueKind);
    put(f, "timestamp_column", timestampColumn);
    put(f, "time_column", timeColumn);
    put(f, "value_column", valueColumn);
    put(f, "format", format);
    put(f, "day_first", dayFirst ? "true" : null);
    put(f, "month_first", monthFirst ? "true" : null);
    put(f, "timezone", timezone);
    put(f, "stamp", stamp);
    put(f, "interval", interval);
    put(f, "delimiter", delimiter);
    put(f, "decimal_comma", decimalComma);
    put(f, "header", noHeader ? "false" : null);
    put(f, "production_column", productionColumn);
    put(f, "drivers", drivers == null ? null : String.join(",", drivers));
    return f;
  }

  private static void put(Map<String, String> f, String key, String value) {
    if (value != null) {
      f.put(key, value);
    }
  }

  private static String option(String field) {
    return switch (field) {
      case "header" -> "--no-header";
      case "drivers" -> "--driver";
      case "file" -> "FILE";
      default -> "--" + field.replace('_', '-');
    };
  }

  /** The import needs the database only, never the embedded broker. */
  private static Config withDatabaseOnly(Config config) {
    return config.withValue(
        "enms.ingest.broker-url", ConfigValueFactory.fromAnyRef("tcp://127.0.0.1:1"));
  }

  /**
   * With an embedded database, a node that is running already serves it on its port; the import
   * then connects to that server instead of starting a second one on the same folder.
   */
  private static EmbeddedServices startDatabaseServer(Config config) {
    EmbeddedSettings embedded = EmbeddedSettings.fromConfig(config);
    if (embedded.embeddedDatabase()) {
      String url = embedded.embeddedDbUrl();
      try (var c = DriverManager.getConnection(url, "postgres", "")) {
        return EmbeddedServices.start(
            config
                .withValue("enms.db.url", ConfigValueFactory.fromAnyRef(url))
                .withValue("enms.db.user", ConfigValueFactory.fromAnyRef("postgres"))
                .withValue("enms.db.password", ConfigValueFactory.fromAnyRef("")));
      } catch (java.sql.SQLException notRunning) {
        // no node is up: start the embedded server for the import
      }
    }
    return EmbeddedServices.start(config);
  }
}
