package org.enms.bench;

import com.typesafe.config.ConfigFactory;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.enms.core.reading.EnergyReading;
import org.enms.db.Database;
import org.enms.db.DbSettings;
import org.enms.db.EnergyWritePath;
import org.enms.db.ReadingBatchWriter;
import org.enms.simulator.load.LoadMachines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./enms bench writer}: the write path alone. {@code --writers} threads call {@link
 * ReadingBatchWriter#write} back to back (each call one transaction on its own pooled connection),
 * with energy readings shaped like the load generator's (power and energy only) over {@code
 * --machines} machines, into a freshly created {@code enms_bench} database. Batches are built on
 * the writer threads, as the ingest builds them on its stream threads.
 */
@Command(
    name = "writer",
    mixinStandardHelpOptions = true,
    description = "Batch writer into PostgreSQL, rows/s.")
final class WriterBench implements Callable<Integer> {
  private static final String DATABASE = "enms_bench";
  private static final String WRITER_THREADS = "writer threads (build batch, bind, JDBC)";

  @Option(names = "--batch-size", description = "Rows per transaction (default ${DEFAULT-VALUE}).")
  int batchSize = 5_000;

  @Option(names = "--writers", description = "Concurrent transactions (default ${DEFAULT-VALUE}).")
  int writers = 2;

  @Option(names = "--machines", description = "Default ${DEFAULT-VALUE}.")
  int machines = 10_000;

  @Option(
      names = "--duration",
      converter = DurationConverter.class,
      description = "Default ${DEFAULT-VALUE}.")
  Duration duration = Duration.ofSeconds(20);

  @Option(
      names = "--energy-path",
      description =
          "How energy rows are sent: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  EnergyWritePath energyPath = EnergyWritePath.COPY_INTO_PARTITION;

  @Mixin BenchDatabaseOptions db = new BenchDatabaseOptions();

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    db.recreate(DATABASE);
    Map<String, Object> o = new HashMap<>();
    db.putInto(o, DATABASE);
    o.put("enms.db.pool-size", writers);
    var settings =
        DbSettings.fromConfig(ConfigFactory.parseMap(o).withFallback(ConfigFactory.load()));
    List<UUID> ids = IntStream.range(0, machines).mapToObj(LoadMachines::machineId).toList();
    try (Database database = Database.start(settings)) {
      var writer =
          new ReadingBatchWriter(
              database, ReadingBatchWriter.DEFAULT_ROWS_PER_STATEMENT, energyPath);
      var seq = new AtomicLong();
      Instant base = Instant.now().minusSeconds(600);
      for (int i = 0; i < 5; i++) {
        writer.write(batch(ids, base, seq));
      }
      var rows = new LongAdder();
      var writerCpuNanos = new LongAdder();
      var commit = new LatencyHistogram();
      var cpu = new CpuBreakdown(WriterBench::threadGroup, -1).forDatabase(db.name(DATABASE));
      long start = System.nanoTime();
      long deadline = start + duration.toNanos();
      cpu.start();
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        Thread t =
            new Thread(
                () -> {
                  while (System.nanoTime() < deadline) {
                    var readings = batch(ids, base, seq);
                    long began = System.nanoTime();
                    rows.add(writer.write(readings).inserted());
                    commit.record(System.nanoTime() - began);
                  }
                  writerCpuNanos.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                },
                "bench-writer-" + w);
        threads.add(t);
        t.start();
      }
      long lastRows = 0;
      long lastTime = start;
      while (threads.stream().anyMatch(Thread::isAlive)) {
        threads.get(0).join(5_000);
        long now = System.nanoTime();
        long total = rows.sum();
        out.printf(
            "t=%4.0fs inserted %,d rows, %,.0f rows/s, commit mean %.1f ms%n",
            (now - start) / 1e9,
            total,
            (total - lastRows) * 1e9 / (now - lastTime),
            commit.meanMillis());
        lastRows = total;
        lastTime = now;
      }
      for (Thread t : threads) {
        t.join();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      CpuBreakdown.Result used =
          cpu.stop().withExitedThreads(WRITER_THREADS, writerCpuNanos.sum() / 1e9);
      var counted = BenchDatabase.countEnergyRows(database);
      var t =
          new SummaryTable("writer: ReadingBatchWriter -> PostgreSQL")
              .row(
                  "batch size / writers / machines / energy path",
                  "%,d / %d / %,d / %s",
                  batchSize,
                  writers,
                  machines,
                  energyPath)
              .row("rows inserted", "%,d in %.1f s", rows.sum(), seconds)
              .row("throughput", "%,.0f rows/s", rows.sum() / seconds)
              .row(
                  "commit latency per batch",
                  "mean %.1f ms, p99 %.1f ms, max %.1f ms",
                  commit.meanMillis(),
                  commit.percentileMillis(0.99),
                  commit.maxMillis())
              .row(
                  "rows in table (incl. warm-up)",
                  "%,d (%,d duplicates)",
                  counted.rows(),
                  counted.duplicates())
              .section("CPU (cores, of " + Runtime.getRuntime().availableProcessors() + ")");
      used.addTo(t);
      double perRow = 1e6 / rows.sum();
      t.row(
          "CPU per row (writer threads / own backends)",
          "%.2f µs / %.2f µs",
          used.of(WRITER_THREADS) * perRow,
          used.of(CpuBreakdown.OWN_BACKENDS) * perRow);
      t.print(out);
      return 0;
    }
  }

  /** The next {@code batchSize} readings: machines round-robin, 1 ms apart per machine. */
  private List<EnergyReading> batch(List<UUID> ids, Instant base, AtomicLong seq) {
    long first = seq.getAndAdd(batchSize);
    var out = new ArrayList<EnergyReading>(batchSize);
    for (int i = 0; i < batchSize; i++) {
      long n = first + i;
      UUID machine = ids.get((int) (n % ids.size()));
      double power = 10 + n % 91;
      out.add(
          EnergyReading.electricity(
              machine, base.plusMillis(n / ids.size()), power, power / 3600 / 4));
    }
    return out;
  }

  private static String threadGroup(String name) {
    return "jvm: other threads";
  }
}
