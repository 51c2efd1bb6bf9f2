package org.enms.machine;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.enms.analytics.detect.AnomalyKind;
import org.enms.analytics.detect.Finding;
import org.enms.analytics.detect.Severity;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.db.AnomalyDao;
import org.enms.db.BlockingIo;
import org.enms.db.testing.PostgresExtension;
import org.enms.machine.MachineEntity.RecordReadings;
import org.enms.machine.event.AnomalyDetected;
import org.enms.machine.event.AnomalyResolved;
import org.enms.machine.event.EventSink;
import org.enms.machine.event.MachineEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A machine entity's live anomalies in a real PostgreSQL, through {@link DbDetection}. */
class LiveAnomalyStorageTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final ActorTestKit testKit = ActorTestKit.create();
  private static final ExecutorService jdbc = Executors.newFixedThreadPool(2);

  /** Compressor-1 reports every second. */
  private static final UUID COMPRESSOR = DemoPlant.machineId(1);

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
    jdbc.shutdown();
  }

  private final TestProbe<MachineEvent> events = testKit.createTestProbe();

  private <T extends MachineEvent> T next(Class<T> type) {
    return events
        .fishForMessage(
            Duration.ofSeconds(20),
            e ->
                type.isInstance(e)
                    ? FishingOutcomes.complete()
                    : FishingOutcomes.continueAndIgnore())
        .stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }

  private String column(String column, UUID id) {
    return pg.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT " + column + " FROM anomalies WHERE id = :id")
                    .bind("id", id)
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void storesTheSilenceOfAnIdleMachineAsInfoAndItsResolution() {
    // Silent after two reporting intervals (2 s), so the test need not wait six.
    var settings =
        MachineEntitySettings.fromConfig(
            ConfigFactory.parseString("enms.machine.detection.silent-after-intervals = 2")
                .withFallback(testKit.system().settings().config()));
    EventSink sink = events.ref()::tell;
    var ports =
        new DetectionPorts(
            new DbDetection(pg.database(), new BlockingIo(jdbc)), sink, AnomalyWriteMetrics.none());
    TestProbe<ClusterSharding.ShardCommand> shard = testKit.createTestProbe();
    var entity =
        testKit.spawn(
            MachineEntity.create(
                COMPRESSOR,
                shard.ref(),
                (id, at) ->
                    CompletableFuture.completedFuture(MachineHistory.empty(at.minusSeconds(60))),
                ports,
                settings,
                Clock.systemUTC()));

    // 2 kW: idle, so its silence is worth knowing (info) but not a warning.
    Instant last = Instant.now();
    entity.tell(
        new RecordReadings(List.of(EnergyReading.electricity(COMPRESSOR, last, 2.0, 2.0 / 3600))));

    AnomalyDetected silent = next(AnomalyDetected.class);
    assertThat(silent.anomalyType()).isEqualTo("no_data");
    assertThat(silent.severity()).isEqualTo("info");
    assertThat(column("severity", silent.anomalyId())).isEqualTo("info");
    assertThat(column("metadata ->> 'source'", silent.anomalyId())).isEqualTo("live");
    var dao = new AnomalyDao(pg.database());
    assertThat(
            dao.find(
                new AnomalyDao.Filter(
                    Optional.of(COMPRESSOR),
                    Optional.of("info"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(false),
                    10,
                    true)))
        .extracting(AnomalyDao.AnomalyRecord::id)
        .containsExactly(silent.anomalyId());
    assertThat(dao.openLive(COMPRESSOR))
        .singleElement()
        .satisfies(open -> assertThat(open.severity()).isEqualTo("info"));

    entity.tell(
        new RecordReadings(
            List.of(EnergyReading.electricity(COMPRESSOR, Instant.now(), 2.0, 2.0 / 3600))));
    AnomalyResolved resolved = next(AnomalyResolved.class);
    assertThat(resolved.anomalyId()).isEqualTo(silent.anomalyId());
    assertThat(column("is_resolved::text", silent.anomalyId())).isEqualTo("true");
    assertThat(column("severity", silent.anomalyId())).isEqualTo("info");
  }

  @Test
  void storesTheSameFindingOnTwoCarriersAsTwoRowsAndReadsThemBack() throws Exception {
    UUID boiler = DemoPlant.machineId(8);
    var detection = new DbDetection(pg.database(), new BlockingIo(jdbc));
    var writes = new AnomalyWrites(boiler, null);
    Instant onset = Instant.parse("2025-03-04T14:00:00Z");
    List<AnomalyWrites.Write> both = new ArrayList<>();
    for (String carrier : List.of(EnergyType.ELECTRICITY, EnergyType.NATURAL_GAS)) {
      var spike =
          new Finding.Raised(
              AnomalyKind.SPIKE,
              onset,
              onset.plusSeconds(60),
              Severity.WARNING,
              "power_kw",
              60.0,
              40.0,
              50.0,
              5.0,
              "robust_profile",
              "power 60.0 kW is 50 % above the 40.0 kW expected");
      both.add(writes.of(new LiveDetection.Found(carrier, spike)));
    }
    for (var write : both) {
      assertThat(write.write().apply(detection).toCompletableFuture().get()).isTrue();
    }

    assertThat(both.get(0).anomalyId()).isNotEqualTo(both.get(1).anomalyId());
    assertThat(column("energy_type", both.get(1).anomalyId())).isEqualTo("natural_gas");
    assertThat(column("metric_name", both.get(1).anomalyId())).isEqualTo("natural_gas_power_kw");
    assertThat(column("metadata ->> 'explanation'", both.get(1).anomalyId()))
        .startsWith("natural gas: power 60.0 kW");
    var setup = detection.load(boiler, onset.plusSeconds(3600)).toCompletableFuture().get();
    assertThat(setup.open())
        .extracting(AnomalyDao.OpenAnomaly::energyType)
        .containsExactlyInAnyOrder(EnergyType.ELECTRICITY, EnergyType.NATURAL_GAS);
  }
}
