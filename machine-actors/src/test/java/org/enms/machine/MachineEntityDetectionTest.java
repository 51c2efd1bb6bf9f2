package org.enms.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.enms.analytics.baseline.BaselineModel;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.db.AnomalyDao;
import org.enms.db.MachineHistoryDao.HourlyPower;
import org.enms.machine.MachineEntity.ExpectedPower;
import org.enms.machine.MachineEntity.GetExpected;
import org.enms.machine.MachineEntity.RecordReadings;
import org.enms.machine.MachineEntity.ReloadBaseline;
import org.enms.machine.event.AnomalyDetected;
import org.enms.machine.event.AnomalyResolved;
import org.enms.machine.event.MachineEvent;
import org.enms.machine.event.MachineStatusChanged;
import org.enms.machine.event.ReadingRecorded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The entity's live detection with a fake storage port and a probe as its event sink. */
class MachineEntityDetectionTest {
  private static final ActorTestKit testKit = ActorTestKit.create();

  /** Tuesday 14:00 UTC. */
  private static final Instant T0 = Instant.parse("2025-03-04T14:00:00Z");

  private static final UUID FACTORY = UUID.randomUUID();

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  /** Records what the entity writes; four weeks at 40 kW every hour. */
  static final class FakeDetection implements DetectionPort {
    final List<UUID> recorded = new CopyOnWriteArrayList<>();
    final List<AnomalyDao.NewAnomaly> rows = new CopyOnWriteArrayList<>();
    final List<UUID> resolved = new CopyOnWriteArrayList<>();
    final List<AnomalyDao.NewAnomaly> escalated = new CopyOnWriteArrayList<>();
    volatile ActiveBaseline baseline;
    final java.util.concurrent.atomic.AtomicInteger failRecords =
        new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger recordCalls =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public CompletionStage<DetectionSetup> load(UUID machineId, Instant now) {
      List<HourlyPower> hours = new ArrayList<>();
      for (int h = 1; h <= 4 * 168; h++) {
        hours.add(new HourlyPower(T0.minus(Duration.ofHours(h)), 40.0 + (h % 3) * 0.5));
      }
      return CompletableFuture.completedFuture(
          new DetectionSetup(
              FACTORY, 100.0, 10, Map.of(EnergyType.ELECTRICITY, hours), Map.of(), List.of()));
    }

    @Override
    public CompletionStage<Optional<ActiveBaseline>> activeBaseline(UUID machine, String type) {
      return CompletableFuture.completedFuture(Optional.ofNullable(baseline));
    }

    @Override
    public CompletionStage<Boolean> record(UUID anomalyId, AnomalyDao.NewAnomaly anomaly) {
      recordCalls.incrementAndGet();
      if (failRecords.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return CompletableFuture.failedFuture(new IllegalStateException("database away"));
      }
      recorded.add(anomalyId);
      rows.add(anomaly);
      return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletionStage<Boolean> escalate(UUID anomalyId, AnomalyDao.NewAnomaly anomaly) {
      escalated.add(anomaly);
      return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletionStage<Boolean> resolve(UUID anomalyId, Instant at, String notes) {
      resolved.add(anomalyId);
      return CompletableFuture.completedFuture(true);
    }
  }

  private final FakeDetection detection = new FakeDetection();
  private final TestProbe<MachineEvent> events = testKit.createTestProbe();
  private final UUID machine = UUID.randomUUID();
  private ActorRef<MachineEntity.Command> entity = spawn("");

  /** An entity of {@code machine} with {@code overrides} to its configuration. */
  private ActorRef<MachineEntity.Command> spawn(String overrides) {
    MachineHistoryPort history =
        (id, at) -> CompletableFuture.completedFuture(MachineHistory.empty(at));
    // Quick retries, so that a retried write is seen within the test.
    var settings =
        MachineEntitySettings.fromConfig(
            com.typesafe.config.ConfigFactory.parseString(
                    "enms.machine.detection.writes { min-backoff = 50ms, max-backoff = 100ms }\n"
                        + overrides)
                .withFallback(testKit.system().settings().config()));
    TestProbe<ClusterSharding.ShardCommand> shard = testKit.createTestProbe();
    return testKit.spawn(
        MachineEntity.create(
            machine,
            shard.ref(),
            history,
            new DetectionPorts(detection, events.ref()::tell, AnomalyWriteMetrics.none()),
            settings,
            Clock.fixed(T0.minusSeconds(60), ZoneOffset.UTC)));
  }

  /** 25 minutes at the expected 40 kW before T0: the detector learns the spread of readings. */
  private void warmUp() {
    record(-1500, 150, 40.0);
  }

  private void record(int fromSecond, int count, double kw) {
    List<org.enms.core.reading.Reading> readings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      readings.add(
          EnergyReading.electricity(machine, T0.plusSeconds(fromSecond + 10L * i), kw, kw / 360));
    }
    entity.tell(new RecordReadings(readings));
  }

  private <T extends MachineEvent> T next(Class<T> type) {
    return events
        .fishForMessage(
            Duration.ofSeconds(5),
            e ->
                type.isInstance(e)
                    ? org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.complete()
                    : org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes
                        .continueAndIgnore())
        .stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void recordsAndPublishesASpikeThenItsResolution() {
    warmUp();
    record(60, 3, 100.0);

    AnomalyDetected detected = next(AnomalyDetected.class);
    assertThat(detected.anomalyType()).isEqualTo("spike");
    assertThat(detected.severity()).isEqualTo("critical");
    assertThat(detected.factoryId()).isEqualTo(FACTORY);
    assertThat(detected.time()).isEqualTo(T0.plusSeconds(60));
    assertThat(detected.method()).isEqualTo("robust_profile");
    assertThat(detected.explanation()).contains("expected for Tuesday 14:00 (robust profile)");
    assertThat(detection.recorded).containsExactly(detected.anomalyId());
    assertThat(detection.rows.get(0).metadataJson()).contains("\"source\":\"live\"");

    // A redelivered batch changes nothing.
    record(60, 3, 100.0);
    record(90, 16, 40.0);
    AnomalyResolved resolved = next(AnomalyResolved.class);
    assertThat(resolved.anomalyId()).isEqualTo(detected.anomalyId());
    assertThat(detection.resolved).containsExactly(detected.anomalyId());
    assertThat(detection.recorded).hasSize(1);
  }

  @Test
  void escalatesAGrowingWarningUnderTheSameIdAndPublishesItAgain() {
    warmUp();
    record(60, 3, 60.0);
    AnomalyDetected warning = next(AnomalyDetected.class);
    assertThat(warning.severity()).isEqualTo("warning");
    assertThat(warning.previousSeverity()).isNull();

    record(90, 3, 100.0);
    AnomalyDetected critical = next(AnomalyDetected.class);
    assertThat(critical.anomalyId()).isEqualTo(warning.anomalyId());
    assertThat(critical.time()).isEqualTo(warning.time());
    assertThat(critical.severity()).isEqualTo("critical");
    assertThat(critical.previousSeverity()).isEqualTo("warning");
    assertThat(critical.actual()).isEqualTo(100.0);
    assertThat(critical.explanation()).startsWith("grew worse, now critical (was warning)");
    assertThat(detection.escalated)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.severity()).isEqualTo("critical");
              assertThat(row.detectedAt()).isEqualTo(warning.time());
              assertThat(row.metadataJson()).contains("\"escalated_from\":\"warning\"");
            });

    // Falling back to a warning level publishes nothing; the end resolves the one anomaly.
    record(120, 3, 60.0);
    record(150, 16, 40.0);
    AnomalyResolved resolved = next(AnomalyResolved.class);
    assertThat(resolved.anomalyId()).isEqualTo(warning.anomalyId());
    assertThat(detection.recorded).hasSize(1);
    assertThat(detection.escalated).hasSize(1);
  }

  @Test
  void retriesAFailedWriteAndPublishesOnlyOnceItIsStored() {
    detection.failRecords.set(2);
    warmUp();
    record(60, 3, 100.0);

    AnomalyDetected detected = next(AnomalyDetected.class);
    assertThat(detection.recordCalls).hasValue(3);
    assertThat(detection.recorded).containsExactly(detected.anomalyId());
  }

  @Test
  void publishesStatusChanges() {
    record(0, 1, 40.0);
    MachineStatusChanged changed = next(MachineStatusChanged.class);
    assertThat(changed.previous()).isEqualTo("stopped");
    assertThat(changed.current()).isEqualTo("running");
  }

  @Test
  void publishesEachRecordedReadingForLiveFollowers() {
    record(0, 2, 41.5);

    ReadingRecorded first = next(ReadingRecorded.class);
    ReadingRecorded second = next(ReadingRecorded.class);
    assertThat(first.machineId()).isEqualTo(machine);
    assertThat(first.factoryId()).isEqualTo(FACTORY);
    assertThat(first.energyType()).isEqualTo("electricity");
    assertThat(first.powerKw()).isEqualTo(41.5);
    assertThat(first.energyKwh()).isEqualTo(41.5 / 360);
    assertThat(List.of(first.time(), second.time())).containsExactly(T0, T0.plusSeconds(10));
  }

  @Test
  void usesAReloadedBaselineForItsExpectations() {
    TestProbe<ExpectedPower> replies = testKit.createTestProbe();
    entity.tell(new GetExpected(T0, replies.ref()));
    ExpectedPower before = replies.receiveMessage();
    assertThat(before.method()).isEqualTo("robust_profile");
    assertThat(before.kw()).isBetween(40.0, 41.0);
    assertThat(before.modelId()).isNull();
    assertThat(before.modelVersion()).isNull();

    UUID modelId = UUID.randomUUID();
    detection.baseline =
        new ActiveBaseline(modelId, 3, new BaselineModel(Map.of(), 60.0, 2.0, Map.of()));
    entity.tell(new ReloadBaseline("electricity"));
    // The reload completes through pipeToSelf, so ask until the new model is in use.
    ExpectedPower after =
        replies.awaitAssert(
            () -> {
              entity.tell(new GetExpected(T0, replies.ref()));
              ExpectedPower reply = replies.receiveMessage();
              assertThat(reply.method()).isEqualTo("baseline_residual");
              return reply;
            });
    assertThat(after.method()).isEqualTo("baseline_residual");
    assertThat(after.kw()).isEqualTo(60.0);
    assertThat(after.explanation()).isEqualTo("Tuesday 14:00 (active baseline)");
    assertThat(after.modelId()).isEqualTo(modelId);
    assertThat(after.modelVersion()).isEqualTo(3);
  }

  @Test
  void withDetectionSwitchedOffRecordsAndPublishesReadingsButScoresNone() {
    testKit.stop(entity);
    entity = spawn("enms.machine.detection.enabled = false");
    record(0, 6, 40.0);
    record(60, 3, 80.0);
    // Switched on, the spike's write has started by the time this batch is recorded.
    record(90, 1, 40.0);
    List<MachineEvent> seen =
        events.fishForMessage(
            Duration.ofSeconds(5),
            e ->
                e instanceof ReadingRecorded r && r.time().equals(T0.plusSeconds(90))
                    ? org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.complete()
                    : org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes
                        .continueAndCollect());
    assertThat(seen).noneMatch(AnomalyDetected.class::isInstance);
    assertThat(seen).filteredOn(ReadingRecorded.class::isInstance).hasSize(10);
    assertThat(detection.recordCalls).hasValue(0);
  }
}
