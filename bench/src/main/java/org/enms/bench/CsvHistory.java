package org.enms.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.enms.analytics.forecast.RegularSeries;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.Reading;
import org.enms.ingest.importer.CsvImporter;
import org.enms.ingest.importer.ImportSink;
import org.enms.ingest.importer.ImportSource;
import org.enms.ingest.importer.ImportSpec;
import org.enms.ingest.importer.ImportSpecParser;
import org.enms.ingest.importer.ImportSummary;
import org.enms.ingest.importer.ImportWindow;

/**
 * A meter export read by the project's own importer (layout detection, time zones, interval stamps,
 * midnights dated the day before, counters) into energy per step, without a database. The step is
 * 15 minutes, or the file's interval when that is longer; a step is known only when every interval
 * in it was in the file.
 */
final class CsvHistory {
  private static final Duration QUARTER = Duration.ofMinutes(15);

  private CsvHistory() {}

  /** {@code options}: the import form's fields ({@code value_column}, {@code day_first}, …). */
  static RegularSeries read(Path file, Map<String, String> options) throws IOException {
    Map<String, String> fields = new HashMap<>(options);
    fields.putIfAbsent("machine", "forecast-bench");
    fields.putIfAbsent("value_kind", "energy_kwh");
    ImportSpec spec = ImportSpecParser.parse(fields);
    CsvImporter importer =
        new CsvImporter(
            spec,
            UUID.randomUUID(),
            ImportWindow.unrestricted(Instant.now(), Duration.ofDays(1)),
            10_000);
    CsvImporter.Prepared prepared = importer.prepare(ImportSource.of(file));
    Duration interval = prepared.interval();
    Duration step = interval.compareTo(QUARTER) <= 0 ? QUARTER : interval;
    if (step.toSeconds() % interval.toSeconds() != 0) {
      throw new IllegalArgumentException(
          "the file's interval " + interval + " does not divide 15 min");
    }
    Collected collected = new Collected(step);
    ImportSummary summary = importer.run(prepared, collected, progress -> {});
    System.out.printf(
        "read %s: %d rows accepted, %d rejected, interval %s, %s%n",
        file.getFileName(),
        summary.rowsImported(),
        summary.rowsRejected(),
        interval,
        prepared.timestampLayout());
    return collected.series((int) (step.toSeconds() / interval.toSeconds()));
  }

  /** The importer's readings, summed per step as they come. */
  private static final class Collected implements ImportSink {
    private final long stepSeconds;
    private final Map<Long, double[]> steps = new HashMap<>();
    private long written;

    Collected(Duration step) {
      this.stepSeconds = step.toSeconds();
    }

    @Override
    public void write(List<Reading> batch) {
      for (Reading reading : batch) {
        if (reading instanceof EnergyReading e && e.energyKwh() != null) {
          // Stored at the end of its interval: it belongs to the step its interval lies in.
          long key = Math.floorDiv(e.time().getEpochSecond() - 1, stepSeconds);
          double[] sum = steps.computeIfAbsent(key, k -> new double[2]);
          sum[0] += e.energyKwh();
          sum[1]++;
          written++;
        }
      }
    }

    @Override
    public Totals finish() {
      return new Totals(written, written);
    }

    RegularSeries series(int intervalsPerStep) {
      List<Long> keys = new ArrayList<>(steps.keySet());
      long first = keys.stream().mapToLong(Long::longValue).min().orElseThrow();
      long last = keys.stream().mapToLong(Long::longValue).max().orElseThrow();
      // Whole UTC days, so every backtest origin at midnight has a full day after it.
      long perDay = 86_400 / stepSeconds;
      long from = Math.floorDiv(first, perDay) * perDay;
      long to = Math.floorDiv(last + 1, perDay) * perDay;
      RegularSeries series =
          RegularSeries.empty(
              Instant.ofEpochSecond(from * stepSeconds),
              Duration.ofSeconds(stepSeconds),
              (int) (to - from));
      steps.forEach(
          (key, sum) -> {
            if (sum[1] == intervalsPerStep) {
              series.set(Instant.ofEpochSecond(key * stepSeconds), sum[0]);
            }
          });
      return series;
    }
  }
}
