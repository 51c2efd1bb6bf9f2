package org.enms.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.enms.analytics.BucketTotals;
import org.enms.analytics.DayTotals;
import org.enms.analytics.MachineStatus;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.EnvironmentalReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.StatusReading;
import org.enms.machine.MachineEntity.CountersResolved;
import org.enms.machine.MachineEntity.GetStatus;
import org.enms.machine.MachineEntity.GetWindows;
import org.enms.machine.MachineEntity.RecordReadings;
import org.enms.machine.MachineEntity.ResolveCounters;
import org.enms.machine.MachineEntity.StatusReport;
import org.enms.machine.MachineEntity.WindowsReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the entity in real Cluster Sharding on a one-node cluster. Time is manual, so the test
 * advances it while it waits for replies (cluster and sharding run on the same scheduler).
 */
@ExtendWith(TestKitJUnit5Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MachineEntityTest {
  private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
  private static final LocalDate DAY = LocalDate.ofInstant(T0, ZoneOffset.UTC);
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
  private static final MachineHistory NOTHING_STORED = MachineHistory.empty(T0.minusSeconds(3600));

  private static final Config CONFIG =
      ConfigFactory.parseString(
              """
              pekko.actor.provider = cluster
              pekko.remote.artery.canonical.hostname = 127.0.0.1
              pekko.remote.artery.canonical.port = 0
              pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
              pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
              pekko.loglevel = INFO
              enms.machine.idle-timeout = 30s
              enms.machine.restore-timeout = 2s
              """)
          .withFallback(ManualTime.config())
          .withFallback(ConfigFactory.load());

  @JUnit5TestKit ActorTestKit testKit = new JUnit5TestKitBuilder().withCustomConfig(CONFIG).build();

  private final FakeHistory history = new FakeHistory();
  private ManualTime manualTime;
  private ClusterSharding sharding;

  @BeforeAll
  void startOneNodeClusterWithTheEntity() {
    manualTime = ManualTime.get(testKit.system());
    var cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    testKit
        .createTestProbe()
        .awaitAssert(
            Duration.ofSeconds(10),
            Duration.ofMillis(20),
            () -> {
              manualTime.timePasses(Duration.ofMillis(200));
              assertThat(cluster.selfMember().status()).isEqualTo(MemberStatus.up());
              return null;
            });
    var settings = MachineEntitySettings.fromConfig(testKit.system().settings().config());
    MachineEntity.init(testKit.system(), history, settings, Clock.fixed(T0, ZoneOffset.UTC));
    sharding = ClusterSharding.get(testKit.system());
  }

  /** Cluster leaving runs on the manual scheduler too, so time must pass for shutdown to finish. */
  @AfterAll
  void leaveTheClusterWhileTimePasses() {
    var system = testKit.system();
    var probe = testKit.createTestProbe();
    system.terminate();
    probe.awaitAssert(
        Duration.ofSeconds(10),
        Duration.ofMillis(20),
        () -> {
          manualTime.timePasses(Duration.ofSeconds(1));
          assertThat(system.getWhenTerminated().toCompletableFuture()).isDone();
          return null;
        });
  }

  @Test
  void settingsComeFromTheEnmsMachineSection() {
    var settings = MachineEntitySettings.fromConfig(ConfigFactory.load());

    assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.askTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.restoreTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.stashCapacity()).isPositive();
  }

  @Test
  void answersStatusAndWindowsFromRecordedReadings() {
    var id = UUID.randomUUID();
    var machine = MachineEntity.ref(sharding, id);

    machine.tell(
        new RecordReadings(
            List.of(
                EnergyReading.electricity(id, T0.minusSeconds(20), 30, 0.1),
                EnergyReading.electricity(id, T0.minusSeconds(10), 40, 0.15),
                new ProductionReading(
                    id, T0.minusSeconds(10), 6, 5, 1, 36.0, "running", 90.0, null, null),
                new StatusReading(id, T0.minusSeconds(10), true, "running", 40.0))));
    var status = askStatus(id);
    var windows = askWindows(id);

    assertThat(status.machineId()).isEqualTo(id);
    assertThat(status.status()).isEqualTo(MachineStatus.RUNNING);
    assertThat(status.powerKw()).isEqualTo(40.0);
    assertThat(status.lastReadingTime()).isEqualTo(T0.minusSeconds(10));
    assertThat(status.operatingMode()).isEqualTo("running");
    assertThat(status.today().energyKwh()).isCloseTo(0.25, within(1e-9));
    assertThat(status.today().productionUnits()).isEqualTo(6);
    assertThat(status.today().badUnits()).isEqualTo(1);
    assertThat(status.today().runningSeconds()).isEqualTo(10);
    assertThat(windows.at()).isEqualTo(T0);
    assertThat(windows.lastMinute().readingCount()).isEqualTo(2);
    assertThat(windows.lastMinute().avgPowerKw()).isCloseTo(35.0, within(1e-9));
    assertThat(windows.last15Minutes().maxPowerKw()).isEqualTo(40.0);
    assertThat(windows.lastHour().productionUnits()).isEqualTo(6);
    assertThat(windows.today().energyKwh()).isCloseTo(0.25, within(1e-9));
  }

  @Test
  void restoresWindowsAndTodayFromHistoryWithoutCountingStoredReadingsTwice() {
    var id = UUID.randomUUID();
    var restoredUpTo = T0.minusSeconds(5);
    var latest = EnergyReading.electricity(id, restoredUpTo, 20, 0.05);
    history.answer(
        id,
        CompletableFuture.completedFuture(
            new MachineHistory(
                List.of(
                    new BucketTotals(T0.minusSeconds(600), 10, 200, 15, 25, 1.0, 20),
                    new BucketTotals(T0.minusSeconds(120), 6, 120, 18, 22, 0.5, 12),
                    new BucketTotals(T0.minusSeconds(7200), 6, 120, 18, 22, 9.9, 99)),
                new DayTotals(DAY, 50.0, 300, 290, 10, 2000, 21.0, 44.0, 36000, 600, 0),
                Optional.of(latest),
                restoredUpTo,
                Optional.empty())));
    var machine = MachineEntity.ref(sharding, id);

    machine.tell(
        new RecordReadings(
            List.of(
                EnergyReading.electricity(id, T0.minusSeconds(30), 99, 7.0),
                latest,
                EnergyReading.electricity(id, T0, 30, 0.1))));
    var windows = askWindows(id);
    var status = askStatus(id);

    assertThat(history.loads(id)).isEqualTo(1);
    assertThat(windows.lastHour().energyKwh()).isCloseTo(1.6, within(1e-9));
    assertThat(windows.lastHour().productionUnits()).isEqualTo(32);
    assertThat(windows.lastHour().readingCount()).isEqualTo(17);
    assertThat(windows.last15Minutes().maxPowerKw()).isEqualTo(30.0);
    assertThat(windows.lastMinute().readingCount()).isEqualTo(1);
    assertThat(windows.today().energyKwh()).isCloseTo(50.1, within(1e-9));
    assertThat(windows.today().peakPowerKw()).isEqualTo(44.0);
    assertThat(windows.today().runningSeconds()).isEqualTo(36005);
    assertThat(status.status()).isEqualTo(MachineStatus.RUNNING);
    assertThat(status.powerKw()).isEqualTo(30.0);
  }

  @Test
  void aReloadTakesUpReadingsStoredBehindItsBackWithoutCountingAnythingTwice() {
    var id = UUID.randomUUID();
    var machine = MachineEntity.ref(sharding, id);
    var live = EnergyReading.electricity(id, T0.minusSeconds(10), 40, 0.15);
    machine.tell(
        new RecordReadings(
            List.of(EnergyReading.electricity(id, T0.minusSeconds(20), 30, 0.1), live)));
    assertThat(askStatus(id).today().energyKwh()).isCloseTo(0.25, within(1e-9));
    // An import stored 12 kWh for this morning; storage now holds both.
    history.answer(
        id,
        CompletableFuture.completedFuture(
            new MachineHistory(
                List.of(new BucketTotals(T0.minusSeconds(60), 2, 70, 30, 40, 0.25, 0)),
                new DayTotals(DAY, 12.25, 0, 0, 0, 50, 20.0, 48.0, 0, 0, 0),
                Optional.of(live),
                live.time(),
                Optional.empty())));

    machine.tell(MachineEntity.ReloadHistory.INSTANCE);
    machine.tell(new RecordReadings(List.of(live, EnergyReading.electricity(id, T0, 30, 0.1))));
    var status = askStatus(id);

    assertThat(history.loads(id)).isEqualTo(2);
    assertThat(status.today().energyKwh()).isCloseTo(12.35, within(1e-9));
    assertThat(status.today().peakPowerKw()).isEqualTo(48.0);
    assertThat(status.today().runningSeconds()).isEqualTo(20);
    assertThat(status.lastReadingTime()).isEqualTo(T0);
  }

  @Test
  void counterOnlyReadingsThroughAMeterResetGiveTheEnergyUsed() {
    var id = UUID.randomUUID();
    var machine = MachineEntity.ref(sharding, id);

    machine.tell(
        new RecordReadings(
            List.of(
                counterReading(id, 40, 12_000.0),
                counterReading(id, 30, 12_000.4),
                counterReading(id, 20, 12_000.4), // unchanged: nothing used
                counterReading(id, 10, 0.3)))); // meter restarted from 0
    machine.tell(new RecordReadings(List.of(counterReading(id, 10, 0.3)))); // redelivered
    machine.tell(new RecordReadings(List.of(counterReading(id, 0, 0.5))));

    assertThat(askStatus(id).today().energyKwh()).isCloseTo(0.4 + 0.3 + 0.2, within(1e-9));
  }

  @Test
  void resolvesCounterReadingsThroughResetsDuplicatesLateValuesAndGapsAndCountsThemOnce() {
    var id = UUID.randomUUID();
    var machine = MachineEntity.ref(sharding, id);

    var first =
        askResolve(
            id,
            List.of(
                counterReading(id, 1200, 5000.0), // the meter's first value: baseline only
                counterReading(id, 1140, 5000.5),
                counterReading(id, 1080, 0.4), // meter restarted from 0
                counterReading(id, 1020, 0.9)));
    machine.tell(new RecordReadings(List.copyOf(first)));
    var second =
        askResolve(
            id,
            List.of(
                counterReading(id, 1140, 5000.5), // duplicate of a stored reading
                counterReading(id, 1110, 0.6), // older than the register's last value
                counterReading(id, 420, 3.4))); // ends a 10-minute gap: all of it, here
    machine.tell(new RecordReadings(List.copyOf(second)));

    assertThat(kwh(first)).containsExactly(0.0, 0.5, 0.4, 0.5);
    assertThat(kwh(second)).containsExactly(0.0, 0.0, 2.5);
    assertThat(second.get(2).counterKwh()).isEqualTo(3.4);
    assertThat(askStatus(id).today().energyKwh()).isCloseTo(0.5 + 0.4 + 0.5 + 2.5, within(1e-9));
  }

  @Test
  void continuesTheRegisterRestoredFromHistoryAndAnswersARetryTheSame() {
    var id = UUID.randomUUID();
    var latest =
        new EnergyReading(
            id,
            T0.minusSeconds(100),
            EnergyType.ELECTRICITY,
            20,
            0.2,
            1000.0,
            null,
            null,
            null,
            null,
            null);
    history.answer(
        id,
        CompletableFuture.completedFuture(
            new MachineHistory(
                List.of(),
                new DayTotals(DAY, 7.0, 0, 0, 0, 1, 20.0, 20.0, 0, 0, 0),
                Optional.of(latest),
                latest.time(),
                Optional.of(1000.0))));
    var machine = MachineEntity.ref(sharding, id);

    var resolved = askResolve(id, List.of(counterReading(id, 50, 1000.6)));
    var retried = askResolve(id, List.of(counterReading(id, 50, 1000.6))); // e.g. store failed
    machine.tell(new RecordReadings(List.copyOf(retried)));

    assertThat(kwh(resolved)).containsExactly(0.6);
    assertThat(kwh(retried)).containsExactly(0.6);
    assertThat(askStatus(id).today().energyKwh()).isCloseTo(7.6, within(1e-9));
  }

  @Test
  void passivatesAfterTheIdleTimeoutAndRestartsFromStoredHistory() {
    var id = UUID.randomUUID();
    var machine = MachineEntity.ref(sharding, id);
    machine.tell(
        new RecordReadings(List.of(EnergyReading.electricity(id, T0.minusSeconds(10), 8, 0.2))));
    assertThat(askStatus(id).today().energyKwh()).isCloseTo(0.2, within(1e-9));
    assertThat(isRunning(id)).isTrue();

    manualTime.timePasses(IDLE_TIMEOUT.minusSeconds(5));
    assertThat(isRunning(id)).isTrue();

    // meanwhile the database received readings this entity never saw
    var stored = EnergyReading.electricity(id, T0.minusSeconds(2), 3, 7.0);
    history.answer(
        id,
        CompletableFuture.completedFuture(
            new MachineHistory(
                List.of(new BucketTotals(T0.minusSeconds(60), 2, 11, 3, 8, 7.2, 0)),
                new DayTotals(DAY, 7.2, 0, 0, 0, 2, 5.5, 8.0, 8, 0, 0),
                Optional.of(stored),
                T0.minusSeconds(2),
                Optional.empty())));
    manualTime.timePasses(Duration.ofSeconds(6));
    testKit
        .createTestProbe()
        .awaitAssert(Duration.ofSeconds(5), () -> assertThat(isRunning(id)).isFalse());

    var restarted = askStatus(id);

    assertThat(history.loads(id)).isEqualTo(2);
    assertThat(restarted.today().energyKwh()).isCloseTo(7.2, within(1e-9));
    assertThat(restarted.status()).isEqualTo(MachineStatus.IDLE);
    assertThat(restarted.lastReadingTime()).isEqualTo(T0.minusSeconds(2));
  }

  @Test
  void retriesAHistoryThatDoesNotArriveAndReplaysBufferedCommandsOnceItDoes() {
    var id = UUID.randomUUID();
    history.answer(id, new CompletableFuture<>());
    var machine = MachineEntity.ref(sharding, id);
    machine.tell(
        new RecordReadings(List.of(EnergyReading.electricity(id, T0.minusSeconds(3), 2, 0.01))));
    awaitLoads(id, 2); // the first attempt timed out and a second one started

    history.answer(
        id,
        CompletableFuture.completedFuture(
            new MachineHistory(
                List.of(),
                new DayTotals(DAY, 5.0, 0, 0, 0, 1, 2.0, 2.0, 0, 0, 0),
                Optional.empty(),
                T0.minusSeconds(60),
                Optional.empty())));
    var status = askStatus(id);

    assertThat(status.today().energyKwh()).isCloseTo(5.01, within(1e-9));
    assertThat(status.status()).isEqualTo(MachineStatus.IDLE);
  }

  @Test
  void retriesAFailedHistorySoAMetersRegisterNeverRestartsFromZero() {
    var id = UUID.randomUUID();
    history.answer(id, CompletableFuture.failedFuture(new IllegalStateException("db down")));
    MachineEntity.ref(sharding, id).tell(new RecordReadings(List.of()));
    awaitLoads(id, 2);

    history.answer(
        id,
        CompletableFuture.completedFuture(
            new MachineHistory(
                List.of(),
                DayTotals.empty(DAY),
                Optional.empty(),
                T0.minusSeconds(200),
                Optional.of(1000.0))));
    var resolved = askResolve(id, List.of(counterReading(id, 50, 1000.6)));

    assertThat(kwh(resolved)).containsExactly(0.6);
  }

  @Test
  void backsOffBetweenRestoreAttemptsUpToThirtySeconds() {
    assertThat(MachineEntity.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(MachineEntity.retryDelay(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(MachineEntity.retryDelay(20)).isEqualTo(Duration.ofSeconds(30));
  }

  private void awaitLoads(UUID id, int atLeast) {
    testKit
        .createTestProbe()
        .awaitAssert(
            Duration.ofSeconds(10),
            Duration.ofMillis(10),
            () -> {
              manualTime.timePasses(Duration.ofMillis(200));
              assertThat(history.loads(id)).isGreaterThanOrEqualTo(atLeast);
              return null;
            });
  }

  @Test
  void protocolMessagesSurviveCborSerialization() {
    var id = UUID.randomUUID();
    var serialization = new SerializationTestKit(testKit.system());
    var statusProbe = testKit.<StatusReport>createTestProbe();
    var windowsProbe = testKit.<WindowsReport>createTestProbe();
    var readings =
        new RecordReadings(
            List.of(
                EnergyReading.electricity(id, T0, 12.5, 0.1),
                new EnergyReading(
                    id,
                    T0,
                    EnergyType.NATURAL_GAS,
                    90,
                    null,
                    1234.5,
                    null,
                    null,
                    null,
                    null,
                    "{\"consumption_m3\":0.2}"),
                new ProductionReading(id, T0, 3, 3, 0, 30.0, "running", null, "R-7", null),
                new EnvironmentalReading(
                    id, T0, 12.0, 21.0, null, null, null, null, null, null, null, null, null, null,
                    1.2, null),
                new StatusReading(id, T0, true, "running", 12.5)));
    var today = new DayTotals(DAY, 1.0, 3, 3, 0, 2, 12.0, 13.0, 10, 0, 0);

    serialization.verifySerialization(readings, true);
    serialization.verifySerialization(new GetStatus(statusProbe.ref()), true);
    serialization.verifySerialization(MachineEntity.ReloadHistory.INSTANCE, true);
    var counterOnly = counterReading(id, 0, 1234.5);
    serialization.verifySerialization(
        new ResolveCounters(
            List.of(counterOnly), testKit.<CountersResolved>createTestProbe().ref()),
        true);
    serialization.verifySerialization(
        new CountersResolved(List.of(counterOnly.withEnergyKwh(0.25))), true);
    serialization.verifySerialization(new GetWindows(windowsProbe.ref()), true);
    serialization.verifySerialization(
        new StatusReport(id, MachineStatus.RUNNING, 12.5, T0, today, "running"), true);
    serialization.verifySerialization(
        new StatusReport(id, MachineStatus.STOPPED, null, null, DayTotals.empty(DAY), null), true);
    var stats = askWindows(id).lastHour();
    serialization.verifySerialization(new WindowsReport(id, T0, stats, stats, stats, today), true);
  }

  private StatusReport askStatus(UUID id) {
    TestProbe<StatusReport> probe = testKit.createTestProbe();
    MachineEntity.ref(sharding, id).tell(new GetStatus(probe.ref()));
    return awaitReply(probe);
  }

  private List<EnergyReading> askResolve(UUID id, List<EnergyReading> readings) {
    TestProbe<CountersResolved> probe = testKit.createTestProbe();
    MachineEntity.ref(sharding, id).tell(new ResolveCounters(readings, probe.ref()));
    return awaitReply(probe).readings();
  }

  /** Energy per reading rounded to 1e-9 kWh, so register arithmetic compares exactly. */
  private static List<Double> kwh(List<EnergyReading> readings) {
    return readings.stream().map(r -> Math.round(r.energyKwh() * 1e9) / 1e9).toList();
  }

  private WindowsReport askWindows(UUID id) {
    TestProbe<WindowsReport> probe = testKit.createTestProbe();
    MachineEntity.ref(sharding, id).tell(new GetWindows(probe.ref()));
    return awaitReply(probe);
  }

  /** Waits for a reply, letting manual time pass in small steps for sharding's own timers. */
  private <T> T awaitReply(TestProbe<T> probe) {
    return probe.awaitAssert(
        Duration.ofSeconds(10),
        Duration.ofMillis(10),
        () -> {
          manualTime.timePasses(Duration.ofMillis(100));
          return probe.receiveMessage(Duration.ofMillis(50));
        });
  }

  /** Whether this node's shard region currently hosts the machine's entity. */
  private boolean isRunning(UUID id) {
    TestProbe<ShardRegion.CurrentShardRegionState> probe = testKit.createTestProbe();
    sharding.shardState().tell(new GetShardRegionState(MachineEntity.ENTITY_KEY, probe.ref()));
    return probe.receiveMessage().getShards().stream()
        .anyMatch(shard -> shard.getEntityIds().contains(id.toString()));
  }

  private static EnergyReading counterReading(UUID id, int secondsBeforeT0, double registerKwh) {
    return new EnergyReading(
        id,
        T0.minusSeconds(secondsBeforeT0),
        EnergyType.ELECTRICITY,
        20,
        null,
        registerKwh,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * Answers each machine with a prepared history and counts the loads. By default nothing is stored
   * up to an hour before the readings the tests record, so they all count.
   */
  private static final class FakeHistory implements MachineHistoryPort {
    private final Map<UUID, CompletionStage<MachineHistory>> answers = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> loads = new ConcurrentHashMap<>();

    void answer(UUID id, CompletionStage<MachineHistory> history) {
      answers.put(id, history);
    }

    int loads(UUID id) {
      return loads.getOrDefault(id, new AtomicInteger()).get();
    }

    @Override
    public CompletionStage<MachineHistory> load(UUID machineId, Instant now) {
      assertThat(now).isEqualTo(T0);
      loads.computeIfAbsent(machineId, k -> new AtomicInteger()).incrementAndGet();
      return answers.getOrDefault(machineId, CompletableFuture.completedFuture(NOTHING_STORED));
    }
  }
}
