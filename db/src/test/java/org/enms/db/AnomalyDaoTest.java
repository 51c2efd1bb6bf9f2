package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.db.AnomalyDao.AnomalyRecord;
import org.enms.db.AnomalyDao.Filter;
import org.enms.db.AnomalyDao.NewAnomaly;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnomalyDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final UUID CONVEYOR = DemoPlant.machineId(3);
  private static final UUID PUMP = DemoPlant.machineId(4);
  private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");

  private final AnomalyDao dao = new AnomalyDao(pg.database());

  private static NewAnomaly anomaly(UUID machine, int hour, String type, String severity) {
    return new NewAnomaly(
        machine,
        T0.plusSeconds(hour * 3600L),
        type,
        severity,
        "total_energy_kwh",
        50.0,
        30.0,
        66.7,
        4.1,
        "baseline_residual",
        0.99,
        "{\"model_version\": 1}");
  }

  private static Filter all(Optional<UUID> machine) {
    return new Filter(
        machine,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        100,
        false);
  }

  @Test
  void storesEachFindingOnceHoweverOftenDetectionRuns() {
    var batch =
        List.of(anomaly(CONVEYOR, 1, "spike", "critical"), anomaly(CONVEYOR, 2, "drop", "warning"));

    assertThat(dao.insertNew(batch)).isEqualTo(2);
    assertThat(dao.insertNew(batch)).isZero();
    // Another type at the same hour is another finding.
    assertThat(dao.insertNew(List.of(anomaly(CONVEYOR, 2, "drift", "warning")))).isEqualTo(1);
    assertThat(dao.find(all(Optional.of(CONVEYOR)))).hasSize(3);
  }

  @Test
  void findsByMachineSeverityPeriodAndResolutionNewestFirst() {
    dao.insertNew(
        List.of(
            anomaly(PUMP, 10, "spike", "critical"),
            anomaly(PUMP, 11, "drop", "warning"),
            anomaly(PUMP, 12, "spike", "warning")));

    List<AnomalyRecord> pump = dao.find(all(Optional.of(PUMP)));
    assertThat(pump)
        .extracting(AnomalyRecord::detectedAt)
        .containsExactly(
            T0.plusSeconds(12 * 3600), T0.plusSeconds(11 * 3600), T0.plusSeconds(10 * 3600));
    assertThat(pump.get(0).machineName()).isEqualTo("Hydraulic-Pump-1");
    assertThat(pump.get(0).machineType()).isEqualTo("pump");
    assertThat(pump.get(0).expectedValue()).isEqualTo(30.0);
    assertThat(pump.get(0).isResolved()).isFalse();

    var warnings =
        dao.find(
            new Filter(
                Optional.of(PUMP),
                Optional.of("warning"),
                Optional.of(T0.plusSeconds(11 * 3600)),
                Optional.of(T0.plusSeconds(11 * 3600)),
                Optional.of(false),
                10,
                false));
    assertThat(warnings).singleElement().extracting(AnomalyRecord::anomalyType).isEqualTo("drop");

    var resolved =
        dao.find(
            new Filter(
                Optional.of(PUMP),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(true),
                10,
                false));
    assertThat(resolved).isEmpty();
  }

  @Test
  void listsCriticalBeforeWarningWhenAskedBySeverity() {
    UUID hvac = DemoPlant.machineId(7);
    dao.insertNew(
        List.of(anomaly(hvac, 20, "spike", "critical"), anomaly(hvac, 21, "drop", "warning")));

    var bySeverity =
        dao.find(
            new Filter(
                Optional.of(hvac),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                10,
                true));

    assertThat(bySeverity)
        .extracting(AnomalyRecord::severity)
        .containsExactly("critical", "warning");
  }

  @Test
  void limitsTheNumberReturned() {
    UUID compressor = DemoPlant.machineId(1);
    dao.insertNew(
        List.of(
            anomaly(compressor, 1, "spike", "warning"),
            anomaly(compressor, 2, "spike", "warning"),
            anomaly(compressor, 3, "spike", "warning")));

    assertThat(
            dao.find(
                new Filter(
                    Optional.of(compressor),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    2,
                    false)))
        .hasSize(2);
  }

  @Test
  void escalatesAnOpenLiveAnomalyOnlyUpwards() {
    UUID injection = DemoPlant.machineId(5);
    UUID id = UUID.randomUUID();
    NewAnomaly warning =
        new NewAnomaly(
            injection,
            T0,
            "spike",
            "warning",
            "power_kw",
            60.0,
            40.0,
            50.0,
            5.0,
            "robust_profile",
            null,
            "{\"source\": \"live\", \"raised_at\": \"x\", \"severity\": \"warning\"}");
    NewAnomaly critical =
        new NewAnomaly(
            injection,
            T0,
            "spike",
            "critical",
            "power_kw",
            80.0,
            40.0,
            100.0,
            10.0,
            "robust_profile",
            null,
            "{\"severity\": \"critical\", \"escalated_from\": \"warning\"}");
    assertThat(dao.insertLive(id, warning)).isTrue();
    assertThat(dao.openLive(injection))
        .singleElement()
        .satisfies(open -> assertThat(open.severity()).isEqualTo("warning"));

    assertThat(dao.escalateLive(id, critical)).isTrue();
    assertThat(dao.escalateLive(id, critical)).isFalse();
    assertThat(dao.escalateLive(id, warning)).isFalse();
    AnomalyRecord stored = dao.byId(id).orElseThrow();
    assertThat(stored.severity()).isEqualTo("critical");
    assertThat(stored.metricValue()).isEqualTo(80.0);
    assertThat(stored.deviationStdDev()).isEqualTo(10.0);
    assertThat(stored.detectedAt()).isEqualTo(T0);
    String kept =
        pg.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT (metadata ->> 'raised_at') || '/'"
                                + " || (metadata ->> 'escalated_from') FROM anomalies WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    assertThat(kept).isEqualTo("x/warning");
    assertThat(dao.openLive(injection))
        .singleElement()
        .satisfies(open -> assertThat(open.severity()).isEqualTo("critical"));

    // A resolved anomaly stays as it was resolved.
    UUID later = UUID.randomUUID();
    dao.insertLive(
        later,
        new NewAnomaly(
            injection,
            T0.plusSeconds(3600),
            "drop",
            "warning",
            "power_kw",
            20.0,
            40.0,
            -50.0,
            -5.0,
            "robust_profile",
            null,
            null));
    assertThat(dao.resolve(later, T0.plusSeconds(4200), "back to normal")).isTrue();
    assertThat(dao.escalateLive(later, critical)).isFalse();
    assertThat(dao.byId(later).orElseThrow().severity()).isEqualTo("warning");
  }

  @Test
  void countsAndFiltersInfoAndNormalAsTheLowestLevel() {
    UUID boiler = DemoPlant.machineId(6);
    dao.insertNew(
        List.of(
            anomaly(boiler, 1, "no_data", "info"),
            anomaly(boiler, 2, "spike", "normal"),
            anomaly(boiler, 3, "spike", "warning")));

    var counts = dao.countsSince(boiler, T0);
    assertThat(counts.total()).isEqualTo(3);
    assertThat(counts.normal()).isEqualTo(2);
    assertThat(counts.warning()).isEqualTo(1);
    for (String lowest : List.of("info", "normal")) {
      assertThat(
              dao.find(
                  new Filter(
                      Optional.of(boiler),
                      Optional.of(lowest),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      10,
                      false)))
          .extracting(AnomalyRecord::severity)
          .containsExactly("normal", "info");
    }
  }
}
