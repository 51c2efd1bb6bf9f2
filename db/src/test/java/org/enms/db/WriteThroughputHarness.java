package org.enms.db;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.db.testing.TestPostgresServer;

/**
 * Measures {@link ReadingBatchWriter} throughput for energy readings against the test PostgreSQL
 * (embedded, or {@code ENMS_TEST_DB_URL}). Not a test: timing on a shared CI box is noise. Run:
 *
 * <pre>
 * cd db &amp;&amp; mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *     org.enms.db.WriteThroughputHarness [batchSize=5000] [batches=200] [writers=1]
 * </pre>
 *
 * <p>{@code writers} concurrent callers (each its own connection) model an ingest stream that keeps
 * more than one batch in flight.
 */
public final class WriteThroughputHarness {
  private WriteThroughputHarness() {}

  public static void main(String[] args) {
    int batchSize = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int batches = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int writers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    TestPostgresServer server = TestPostgresServer.shared();
    String name = server.createDatabase();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try (Database db = Database.start(server.settingsFor(name))) {
      var writer = new ReadingBatchWriter(db);
      // Eight machines, a reading every 10 ms each: every batch is new rows within one hour.
      Instant start = Instant.now().minusSeconds(3_600);
      var seq = new AtomicLong();
      for (int i = 0; i < batches / 5; i++) {
        writer.write(batch(start, seq, batchSize));
      }
      long t0 = System.nanoTime();
      var results = new ArrayList<Future<Integer>>();
      for (int i = 0; i < batches; i++) {
        // Built on the writer thread: generating readings is part of the caller's cost.
        results.add(pool.submit(() -> writer.write(batch(start, seq, batchSize)).inserted()));
      }
      long rows = 0;
      for (Future<Integer> f : results) {
        rows += f.get();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "inserted %,d energy rows in %.2f s: %,.0f rows/s (batch %,d, %d writer(s))%n",
          rows,
          seconds,
          rows / seconds,
          batchSize,
          writers);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdown();
      server.dropDatabase(name);
    }
  }

  private static List<EnergyReading> batch(Instant start, AtomicLong seq, int size) {
    var out = new ArrayList<EnergyReading>(size);
    long first = seq.getAndAdd(size);
    for (int i = 0; i < size; i++) {
      long n = first + i;
      UUID machine = DemoPlant.machineId((int) (n % 8) + 1);
      Instant time = start.plusMillis(n / 8 * 10);
      out.add(
          new EnergyReading(
              machine,
              time,
              EnergyType.ELECTRICITY,
              40 + (n % 17),
              0.011,
              null,
              400.0,
              70.0,
              0.92,
              50.0,
              null));
    }
    return out;
  }
}
