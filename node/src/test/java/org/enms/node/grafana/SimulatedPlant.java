package org.enms.node.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.enms.analytics.baseline.CompleteHours;
import org.enms.analytics.baseline.TrainingSpec;
import org.enms.core.json.Json;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.Reading;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.RollupRefresher;
import org.enms.db.kpi.CostRollupDao;
import org.enms.http.anomaly.AnomalyView;
import org.enms.http.anomaly.DbAnomalyService;
import org.enms.http.baseline.DbBaselines;
import org.enms.http.baseline.RecordedBaselines;
import org.enms.http.kpi.IntervalPricing;
import org.enms.ingest.parse.PayloadParser;
import org.enms.machine.event.EventSink;
import org.enms.simulator.plant.MachineMessage;
import org.enms.simulator.plant.SimulatedMachine;

/**
 * Fills a migrated database holding the demo plant the way a running node would: the simulator's
 * machines tick over a past period (their physics at a coarser reporting interval, so a few days
 * stay small), every message goes through the ingest's parser and the batch writer, the roll-ups
 * are refreshed and priced, every machine's baseline is trained (each training a job in
 * model_training_history) and batch anomaly detection runs over the period.
 */
final class SimulatedPlant {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private SimulatedPlant() {}

  /**
   * @param step the reporting interval of every machine
   * @param rowsPerStatement rows per insert statement (small for PGlite, whose socket server drops
   *     statements above 8 KB)
   */
  static void fill(Database database, Instant from, Instant to, Duration step, int rowsPerStatement)
      throws Exception {
    long started = System.nanoTime();
    List<Reading> readings = readings(from, to, step);
    long made = System.nanoTime();
    var writer = new ReadingBatchWriter(database, rowsPerStatement);
    // Transactions of the ingest's size: PGlite's WebAssembly heap fails on much larger ones.
    for (int i = 0; i < readings.size(); i += 1_000) {
      writer.write(readings.subList(i, Math.min(readings.size(), i + 1_000)));
    }
    long written = System.nanoTime();
    Clock clock = Clock.systemUTC();
    new RollupRefresher(
            database, new IntervalPricing(new CostRollupDao(database, rowsPerStatement), clock))
        .refresh(from, to);
    long refreshed = System.nanoTime();

    ExecutorService executor = Executors.newFixedThreadPool(1);
    try {
      var io = new BlockingIo(executor);
      var completeHours = new CompleteHours(clock, Duration.ofMinutes(1));
      var baselines =
          new RecordedBaselines(
              new DbBaselines(database, io, completeHours, EventSink.NONE),
              database,
              io,
              EventSink.NONE,
              clock,
              RecordedBaselines.Trigger.MANUAL_API);
      var anomalies = new DbAnomalyService(database, io, completeHours, EventSink.NONE, clock);
      for (Machine machine : DemoPlant.MACHINES) {
        try {
          await(
              baselines
                  .train(
                      machine.id(), EnergyType.ELECTRICITY, from, to, TrainingSpec.of(List.of()), 1)
                  .toCompletableFuture());
        } catch (ExecutionException refused) {
          // Recorded as a failed job, which the model dashboard shows as such.
        }
        List<AnomalyView> found =
            await(anomalies.detect(machine.id(), from, to, 0.05, true).toCompletableFuture())
                .anomalies();
        // Half of what each machine shows is resolved, as an operator would.
        for (int i = 0; i < found.size(); i += 2) {
          await(
              anomalies
                  .resolve(found.get(i).id(), java.util.Optional.of("checked"))
                  .toCompletableFuture());
        }
      }
    } finally {
      executor.shutdownNow();
    }
    System.out.printf(
        "simulated plant: %d readings made in %d ms, written in %d ms, rolled up and priced in %d"
            + " ms, baselines and detection in %d ms%n",
        readings.size(),
        (made - started) / 1_000_000,
        (written - made) / 1_000_000,
        (refreshed - written) / 1_000_000,
        (System.nanoTime() - refreshed) / 1_000_000);
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> future)
      throws ExecutionException, InterruptedException, TimeoutException {
    return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /**
   * Every reading the demo plant's machines publish in {@code (from, to]}, parsed by the ingest.
   */
  static List<Reading> readings(Instant from, Instant to, Duration step)
      throws JsonProcessingException {
    var parser = new PayloadParser(1 << 20);
    var out = new ArrayList<Reading>();
    for (int i = 0; i < DemoPlant.MACHINES.size(); i++) {
      Machine m = DemoPlant.MACHINES.get(i);
      var machine =
          SimulatedMachine.of(
              new Machine(
                  m.id(),
                  m.factoryId(),
                  m.name(),
                  m.type(),
                  m.ratedPowerKw(),
                  (int) step.toSeconds(),
                  m.mqttTopic(),
                  m.critical(),
                  m.manufacturer(),
                  m.model(),
                  m.ratedCurrentA(),
                  m.locationInFactory()),
              new SplittableRandom(42 + i));
      machine.start();
      // The last tick is at "to", so the 15-minute real-time panels find the latest minutes.
      long ticks = Duration.between(from, to).dividedBy(step);
      for (long k = ticks - 1; k >= 0; k--) {
        Instant t = to.minus(step.multipliedBy(k));
        for (MachineMessage message : machine.tick(t)) {
          var parsed =
              parser.parse(message.topic(), Json.mapper().writeValueAsBytes(message.payload()));
          assertThat(parsed.rejections()).as(message.topic()).isEmpty();
          out.addAll(parsed.readings());
        }
      }
    }
    return out;
  }
}
