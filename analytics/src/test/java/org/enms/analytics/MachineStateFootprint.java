package org.enms.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;

/**
 * Measures the heap a {@link MachineState} retains, to check that 100,000 machines fit in 2 GB. Not
 * a test (timing and GC make it unfit for CI): run it by hand, e.g. {@code java -cp
 * <test-classpath> org.enms.analytics.MachineStateFootprint [count]}.
 *
 * <p>Every state gets an hour of readings (shared, since a state keeps none of them) so that its
 * counter and operating mode are set, then a reading of its own, which it keeps as the latest.
 */
public final class MachineStateFootprint {

  private MachineStateFootprint() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    var start = Instant.parse("2025-03-01T12:00:00Z");
    var id = UUID.randomUUID();
    var hour = new ArrayList<Reading>();
    for (int s = 0; s < 3600; s += 5) {
      hour.add(
          new EnergyReading(
              id,
              start.plusSeconds(s),
              "electricity",
              10 + s % 7,
              null,
              100.0 + s / 100.0,
              null,
              null,
              null,
              null,
              null));
      hour.add(
          new ProductionReading(
              id, start.plusSeconds(s), 2, 2, 0, null, "running", null, null, null));
    }
    var now = start.plusSeconds(3600);

    long before = usedAfterGc();
    var states = new ArrayList<MachineState>(count);
    for (int i = 0; i < count; i++) {
      var state = new MachineState(start);
      state.record(hour);
      // the latest reading is retained, so each machine gets its own (own UUID, Instant, boxes)
      state.record(
          List.of(
              new EnergyReading(
                  UUID.randomUUID(),
                  now.plusMillis(i),
                  "electricity",
                  11.5,
                  null,
                  Double.valueOf(200.0 + i),
                  400.0 + i,
                  20.0 + i,
                  null,
                  null,
                  null)));
      states.add(state);
    }
    long after = usedAfterGc();
    System.out.printf(
        "%d machine states: %.1f MB retained, %.0f bytes per machine%n",
        count, (after - before) / 1e6, (after - before) / (double) count);
    System.out.println("still reachable: " + states.get(count - 1).lastHour(now).readingCount());
  }

  private static long usedAfterGc() {
    var runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
