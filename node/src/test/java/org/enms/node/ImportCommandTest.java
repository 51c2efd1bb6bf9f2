package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.enms.core.json.Json;
import org.enms.node.cli.ImportCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./enms import} against the database of a running node: the summary is all that goes to
 * standard output, so {@code --json} can be piped; logs and progress go to standard error.
 */
class ImportCommandTest {
  private static NodeFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    fixture.startNode(Map.of("enms.ingest.enabled", false));
    // The command reads the node's configuration, as ./enms does: the fixture's database.
    System.setProperty("enms.db.url", fixture.jdbcUrl);
    System.setProperty("enms.db.user", fixture.dbUser);
    System.setProperty("enms.db.password", fixture.dbPassword);
    System.setProperty("enms.db.dialect", "plain");
    ConfigFactory.invalidateCaches();
  }

  @AfterAll
  static void stop() throws Exception {
    for (String key : new String[] {"url", "user", "password", "dialect"}) {
      System.clearProperty("enms.db." + key);
    }
    ConfigFactory.invalidateCaches();
    fixture.close();
  }

  /** Exit code, standard output and standard error of one command line, run in this JVM. */
  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = new CommandLine(new ImportCommand()).execute(args);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A day of 2018 in 15-min kWh whose midnight row is dated with the day it closes. */
  private static Path export(Path dir) throws Exception {
    StringBuilder csv = new StringBuilder("Zeit;kWh\n");
    for (int q = 1; q <= 96; q++) {
      int minutes = q * 15;
      String stamp =
          minutes == 24 * 60
              ? "04.03.2018 00:00"
              : String.format("04.03.2018 %02d:%02d", minutes / 60, minutes % 60);
      csv.append(stamp).append(";0,5\n");
    }
    Path file = dir.resolve("meter.csv");
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void withJsonOnlyTheSummaryGoesToStandardOutputAndTheLogsToStandardError(@TempDir Path dir)
      throws Exception {
    Result r =
        run(
            export(dir).toString(),
            "--machine",
            "Compressor-1",
            "--value-kind",
            "energy_kwh",
            "--day-first",
            "--json");

    assertThat(r.code()).as(r.err()).isZero();
    // Standard output is one JSON document and nothing else.
    JsonNode summary;
    try (var parser = Json.mapper().createParser(r.out())) {
      summary = Json.mapper().readTree(parser);
      assertThat(parser.nextToken()).isNull();
    }
    assertThat(summary.get("rows_imported").asLong()).isEqualTo(96);
    assertThat(summary.get("midnight_rows_redated").asLong()).isEqualTo(1);
    assertThat(summary.get("range_to").asText()).isEqualTo("2018-03-05T00:00:00Z");
    assertThat(summary.get("rows_history").asLong()).isEqualTo(96);
    assertThat(r.err()).contains("importing ").contains("import file=meter.csv");
    assertThat(r.out()).doesNotContain("importing ", "import file=", "Database ready");
  }

  @Test
  void theTextSummaryGoesToStandardOutputWithItsNotes(@TempDir Path dir) throws Exception {
    Result r =
        run(
            export(dir).toString(),
            "--machine",
            "Compressor-1",
            "--value-kind",
            "energy_kwh",
            "--day-first");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("file ")
        .contains("rows imported   96")
        .contains("note: 1 rows stamped 00:00 with the date of the day they close");
    assertThat(r.out()).doesNotContain("import file=");
  }

  @Test
  void optionsThatDoNotFitExitWith2AndPrintNothingOnStandardOutput(@TempDir Path dir)
      throws Exception {
    Result r =
        run(
            export(dir).toString(),
            "--machine",
            "No-Such-Machine",
            "--value-kind",
            "energy_kwh",
            "--json");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("enms import: --machine: no machine named No-Such-Machine");
  }
}
