package org.enms.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;
import org.enms.db.Database;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.RollupRefresher;
import org.enms.http.kpi.IntervalPricing;

/**
 * Stored history for the read benches: readings of many machines at a fixed interval with a daily
 * and weekly load shape (busy 06–22 h on weekdays) and production every 15 minutes, then their
 * roll-ups and priced intervals, as an import leaves them. Prints a progress line per chunk, since
 * a year of a hundred machines takes minutes to load.
 */
final class BenchHistory {
  /**
   * Roll-ups and pricing go a month at a time, so each transaction and progress step is bounded.
   */
  private static final Duration CHUNK = Duration.ofDays(30);

  private static final int BATCH = 10_000;

  private final Database database;
  private final PrintStream out;

  BenchHistory(Database database, PrintStream out) {
    this.database = database;
    this.out = out;
  }

  /**
   * Registers compressors of {@code factory} with deterministic ids from {@code seed}, named by
   * {@code nameFormat} with their number (1 on); returns their ids.
   */
  List<UUID> addMachines(UUID factory, String seed, String nameFormat, int count) {
    List<UUID> ids = ids(seed, count);
    database
        .jdbi()
        .useHandle(
            h -> {
              var batch =
                  h.prepareBatch(
                      "INSERT INTO machines (id, factory_id, name, type, rated_power_kw)"
                          + " VALUES (:id, :factory, :name, 'compressor', 50)");
              for (int i = 0; i < ids.size(); i++) {
                batch
                    .bind("id", ids.get(i))
                    .bind("factory", factory)
                    .bind("name", String.format(nameFormat, i + 1))
                    .add();
              }
              batch.execute();
            });
    return ids;
  }

  /** The ids {@link #addMachines} gives machines 1 to {@code count} of {@code seed}. */
  static List<UUID> ids(String seed, int count) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(UUID.nameUUIDFromBytes((seed + i).getBytes(StandardCharsets.UTF_8)));
    }
    return ids;
  }

  /** Electricity of each machine every {@code every} in {@code [from, to)}; rows written. */
  long write(String what, List<UUID> machines, Instant from, Instant to, Duration every) {
    var writer = new ReadingBatchWriter(database);
    long seconds = every.toSeconds();
    List<Reading> batch = new ArrayList<>();
    long written = 0;
    long progressAt = System.nanoTime();
    for (Instant t = from; t.isBefore(to); t = t.plusSeconds(seconds)) {
      long s = t.getEpochSecond();
      for (int m = 0; m < machines.size(); m++) {
        double kw = powerKw(s, seconds, m);
        batch.add(EnergyReading.electricity(machines.get(m), t, kw, kw * seconds / 3600.0));
        if (s % 900 == 0) {
          batch.add(
              new ProductionReading(
                  machines.get(m), t, kw > 30 ? 50 : 5, 48, 2, null, "running", null, null, null));
        }
        if (batch.size() >= BATCH) {
          written += writer.write(batch).inserted();
          batch.clear();
        }
      }
      if (System.nanoTime() - progressAt > 5_000_000_000L) {
        progressAt = System.nanoTime();
        out.printf("%s: wrote %,d readings, up to %s%n", what, written, t);
      }
    }
    written += writer.write(batch).inserted();
    out.printf("%s: wrote %,d readings%n", what, written);
    return written;
  }

  /** Busy on weekdays 06–22 h, a per-machine offset and a sawtooth so no two are equal. */
  static double powerKw(long epochSecond, long stepSeconds, int machine) {
    int hour = (int) (epochSecond / 3600 % 24);
    int day = (int) (epochSecond / 86_400 % 7);
    boolean busy = day >= 2 && hour >= 6 && hour < 22;
    return (busy ? 40 : 12) + machine % 7 + (epochSecond / stepSeconds + machine) % 13;
  }

  /** Rolls up and prices {@code [from, to)} a month at a time; seconds taken. */
  double rollUpAndPrice(String what, Instant from, Instant to) {
    long began = System.nanoTime();
    RollupRefresher rollups = new RollupRefresher(database);
    IntervalPricing pricing = new IntervalPricing(database);
    int priced = 0;
    for (Instant m = from; m.isBefore(to); m = m.plus(CHUNK)) {
      Instant end = m.plus(CHUNK).isBefore(to) ? m.plus(CHUNK) : to;
      rollups.refresh(m, end.minusNanos(1));
      priced += pricing.price(m, end, Optional.empty(), false);
      out.printf(
          "%s: rolled up and priced to %s (%,d intervals, %.0f s)%n",
          what, end, priced, (System.nanoTime() - began) / 1e9);
    }
    database.jdbi().useHandle(h -> h.execute("ANALYZE"));
    return (System.nanoTime() - began) / 1e9;
  }
}
