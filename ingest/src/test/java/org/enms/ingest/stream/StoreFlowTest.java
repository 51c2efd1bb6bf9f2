package org.enms.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.Reading;
import org.enms.ingest.IngestSettings;
import org.enms.ingest.catalog.UnknownMachinePolicy;
import org.enms.ingest.port.CounterResolver;
import org.enms.ingest.port.IngestReject;
import org.enms.ingest.port.ReadingStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class StoreFlowTest {
  private static final ActorTestKit testKit = ActorTestKit.create();
  private static final UUID MACHINE = UUID.fromString("c0000000-0000-0000-0000-000000000003");
  private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
  private static final IngestSettings SETTINGS =
      new IngestSettings(
          true,
          "tcp://unused:1883",
          "test",
          "",
          "",
          "factory/#",
          "",
          1,
          16,
          100,
          Duration.ofMillis(50),
          2,
          Duration.ofMinutes(5),
          Duration.ofDays(7),
          Duration.ofSeconds(1),
          Duration.ofSeconds(5),
          Duration.ofMinutes(1),
          Duration.ofSeconds(30),
          new UnknownMachinePolicy(UnknownMachinePolicy.Mode.REJECT, "Auto-registered"),
          Duration.ofSeconds(30),
          1 << 20,
          org.enms.ingest.MqttTls.NONE);

  /** Without a batch wait, one writer, at most {@code maxRows} per batch. */
  private static IngestSettings noWait(int maxRows) {
    IngestSettings s = SETTINGS;
    return new IngestSettings(
        s.enabled(),
        s.brokerUrl(),
        s.clientId(),
        s.username(),
        s.password(),
        s.topicFilter(),
        s.sharedGroup(),
        s.connections(),
        s.bufferSize(),
        maxRows,
        Duration.ZERO,
        1,
        s.maxFutureSkew(),
        s.maxPastAge(),
        s.minBackoff(),
        s.maxBackoff(),
        s.progressInterval(),
        s.catalogRefresh(),
        s.unknownMachines(),
        s.stallAfter(),
        s.maxPayloadBytes(),
        s.tls());
  }

  private final List<List<Reading>> stored = new CopyOnWriteArrayList<>();
  private final List<List<Reading>> told = new CopyOnWriteArrayList<>();
  private final AtomicInteger acks = new AtomicInteger();

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private final ReadingStore store =
      (readings, rejects) -> {
        stored.add(List.copyOf(readings));
        return CompletableFuture.completedFuture(
            new ReadingStore.StoredBatch(readings.size(), readings.size(), rejects.size()));
      };

  private static EnergyReading counterOnly(int seconds, double registerKwh) {
    return new EnergyReading(
        MACHINE,
        T0.plusSeconds(seconds),
        EnergyType.ELECTRICITY,
        10,
        null,
        registerKwh,
        null,
        null,
        null,
        null,
        null);
  }

  private IngestMessage message(Reading... readings) {
    return new IngestMessage(List.of(readings), List.<IngestReject>of(), acks::incrementAndGet);
  }

  private CompletionStage<List<StoreFlow.Committed>> run(
      CounterResolver resolver, IngestMessage... messages) {
    return Source.from(List.of(messages))
        .via(
            StoreFlow.create(
                SETTINGS, resolver, store, told::add, new IngestMetrics(new SimpleMeterRegistry())))
        .runWith(Sink.seq(), testKit.system());
  }

  @Test
  void counterOnlyReadingsAreResolvedBeforeTheBatchIsStoredAndKeepTheirOrder() throws Exception {
    var interval = EnergyReading.electricity(MACHINE, T0, 12, 0.03);
    var first = counterOnly(5, 100.0);
    var second = counterOnly(10, 100.2);
    var asked = new CountDownLatch(1);
    var answer = new CompletableFuture<List<Reading>>();
    CounterResolver resolver =
        batch -> {
          asked.countDown();
          return answer;
        };

    var done = run(resolver, message(first, interval), message(second));
    assertThat(asked.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(stored).isEmpty(); // waits for the resolver
    List<Reading> resolved = List.of(first.withEnergyKwh(0), interval, second.withEnergyKwh(0.2));
    answer.complete(resolved);
    var committed = done.toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(stored).containsExactly(resolved);
    assertThat(told).containsExactly(resolved);
    assertThat(committed).hasSize(1);
    assertThat(acks).hasValue(2);
  }

  @Test
  void theResolverIsAskedForTheWholeBatchInArrivalOrder() throws Exception {
    var interval = EnergyReading.electricity(MACHINE, T0, 12, 0.03);
    var counter = counterOnly(5, 100.0);
    var asked = new CopyOnWriteArrayList<List<Reading>>();
    CounterResolver resolver =
        batch -> {
          asked.add(List.copyOf(batch));
          return CompletableFuture.completedFuture(batch);
        };

    run(resolver, message(counter, interval)).toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(asked).containsExactly(List.of(counter, interval));
  }

  @Test
  void batchesWithoutCounterOnlyReadingsDoNotAskTheResolver() throws Exception {
    var both =
        new EnergyReading(
            MACHINE, T0, EnergyType.ELECTRICITY, 12, 0.03, 100.0, null, null, null, null, null);
    var interval = EnergyReading.electricity(MACHINE, T0.plusSeconds(5), 12, 0.03);
    CounterResolver failing =
        batch -> CompletableFuture.failedFuture(new AssertionError("resolver asked"));

    run(failing, message(both, interval)).toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(stored).containsExactly(List.of(both, interval));
    assertThat(acks).hasValue(1);
  }

  @Test
  void readingsTheDatabaseRefusedAreAcknowledgedButNotToldToTheLiveState() throws Exception {
    var good = EnergyReading.electricity(MACHINE, T0, 12, 0.03);
    var refused = EnergyReading.electricity(MACHINE, T0.plusSeconds(1), 13, 0.03);
    ReadingStore refusing =
        (readings, rejects) ->
            CompletableFuture.completedFuture(
                new ReadingStore.StoredBatch(1, 1, 1, List.of(refused), 0));

    Source.from(List.of(message(good, refused)))
        .via(
            StoreFlow.create(
                SETTINGS,
                CounterResolver.NONE,
                refusing,
                told::add,
                new IngestMetrics(new SimpleMeterRegistry())))
        .runWith(Sink.seq(), testKit.system())
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);

    assertThat(told).containsExactly(List.of(good));
    assertThat(acks.get()).isEqualTo(1);
  }

  @Test
  void withoutAWaitAnIdleFlowCommitsAtOnceAndABusyOneBatchesWhatArrivedMeanwhile()
      throws Exception {
    var firstBatchStarted = new CountDownLatch(1);
    var releaseFirst = new CompletableFuture<ReadingStore.StoredBatch>();
    var batchSizes = new CopyOnWriteArrayList<Integer>();
    ReadingStore slowFirst =
        (readings, rejects) -> {
          batchSizes.add(readings.size());
          if (batchSizes.size() == 1) {
            firstBatchStarted.countDown();
            return releaseFirst;
          }
          return CompletableFuture.completedFuture(
              new ReadingStore.StoredBatch(readings.size(), readings.size(), 0));
        };
    var queue =
        Source.<IngestMessage>queue(300)
            .via(
                StoreFlow.create(
                    noWait(100),
                    CounterResolver.NONE,
                    slowFirst,
                    told::add,
                    new IngestMetrics(new SimpleMeterRegistry())))
            .toMat(Sink.seq(), org.apache.pekko.stream.javadsl.Keep.both())
            .run(testKit.system());

    // Alone on an idle flow, the first reading goes to the database without waiting for company.
    queue.first().offer(message(EnergyReading.electricity(MACHINE, T0, 12, 0.03)));
    assertThat(firstBatchStarted.await(5, TimeUnit.SECONDS)).isTrue();
    // 250 readings arrive while that commit is under way: they wait for the writer, in batches of
    // at most 100 rows.
    for (int i = 1; i <= 250; i++) {
      queue.first().offer(message(EnergyReading.electricity(MACHINE, T0.plusSeconds(i), 12, 0.03)));
    }
    Thread.sleep(200); // let them reach the batching stage
    releaseFirst.complete(new ReadingStore.StoredBatch(1, 1, 0));
    queue.first().complete();
    queue.second().toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(batchSizes.get(0)).isEqualTo(1);
    assertThat(batchSizes.subList(1, batchSizes.size())).allMatch(size -> size <= 100);
    assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(251);
    assertThat(batchSizes.get(1)).as("the readings that waited went together").isEqualTo(100);
    assertThat(acks).hasValue(251);
  }
}
