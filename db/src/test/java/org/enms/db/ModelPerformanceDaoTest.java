package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.db.BaselineDao.FeatureStats;
import org.enms.db.BaselineDao.NewBaseline;
import org.enms.db.BaselineDao.Validity;
import org.enms.db.ModelPerformanceDao.AlertRow;
import org.enms.db.ModelPerformanceDao.EvaluationRow;
import org.enms.db.ModelPerformanceDao.NewAlert;
import org.enms.db.ModelPerformanceDao.NewEvaluation;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ModelPerformanceDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final UUID HVAC = DemoPlant.machineId(2);
  private static final UUID PUMP = DemoPlant.machineId(4);
  private static final UUID MOLDING = DemoPlant.machineId(5);
  private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

  private final BaselineDao baselines = new BaselineDao(pg.database());
  private final ModelPerformanceDao dao = new ModelPerformanceDao(pg.database());

  private UUID model(UUID machine) {
    Map<String, Double> coefficients = new LinkedHashMap<>();
    coefficients.put("total_production_count", 0.01);
    return baselines
        .insertActive(
            new NewBaseline(
                machine,
                baselines.energySourceId("electricity").orElseThrow(),
                T0.minusSeconds(30 * 86_400),
                T0,
                720,
                coefficients,
                20.0,
                0.9,
                0.9,
                1.2,
                0.9,
                4.5,
                0.0,
                1.21,
                Map.of(),
                Map.of("total_production_count", new FeatureStats(0, 100, 50, 10)),
                new Validity(true, List.of(), List.of()),
                "test",
                Map.of(),
                "linear_regression"))
        .id();
  }

  private NewEvaluation evaluation(UUID model, UUID machine, int day, Double r2, boolean drift) {
    return new NewEvaluation(
        model,
        "baseline",
        machine,
        1,
        T0.plusSeconds(day * 86_400L),
        T0.plusSeconds((day - 7) * 86_400L),
        T0.plusSeconds(day * 86_400L),
        168,
        Map.of("bias_kwh", 0.4),
        r2,
        1.5,
        1.1,
        6.2,
        drift,
        drift ? 0.2 : 0.01,
        0.1,
        drift ? "data_drift" : "no_drift",
        drift ? "retrain" : "ok",
        1.0,
        0.6,
        null,
        "test");
  }

  @Test
  void evaluationsComeBackInTimeOrderForTheirMachineAndModelType() {
    UUID hvacModel = model(MOLDING);
    UUID pumpModel = model(PUMP);
    UUID second = dao.insert(evaluation(hvacModel, MOLDING, 2, 0.8, true));
    UUID first = dao.insert(evaluation(hvacModel, MOLDING, 1, null, false));
    dao.insert(evaluation(pumpModel, PUMP, 1, 0.9, false));

    List<EvaluationRow> rows = dao.since(MOLDING, "baseline", T0);

    assertThat(rows).extracting(EvaluationRow::id).containsExactly(first, second);
    EvaluationRow r = rows.get(1);
    assertThat(r.rSquared()).isEqualTo(0.8);
    assertThat(r.driftDetected()).isTrue();
    assertThat(r.driftType()).isEqualTo("data_drift");
    assertThat(r.recommendation()).isEqualTo("retrain");
    assertThat(r.metrics()).containsEntry("bias_kwh", 0.4);
    assertThat(rows.get(0).rSquared()).isNull();
    assertThat(dao.since(MOLDING, "baseline", T0.plusSeconds(2 * 86_400))).hasSize(1);
    assertThat(dao.since(MOLDING, "forecast", T0)).isEmpty();
  }

  @Test
  void alertsAreListedUntilANewerModelSupersedesThem() {
    UUID old = model(HVAC);
    UUID metric = dao.insert(evaluation(old, HVAC, 1, 0.5, true));
    UUID alert =
        dao.insertAlert(
            new NewAlert(
                "drift_detected",
                "warning",
                old,
                "baseline",
                HVAC,
                1,
                metric,
                T0,
                "drifted",
                Map.of("drift_type", "concept_drift"),
                0.24,
                0.1,
                0.9));
    UUID pumpAlert =
        dao.insertAlert(
            new NewAlert(
                "drift_detected",
                "critical",
                null,
                "baseline",
                PUMP,
                null,
                null,
                T0,
                "x",
                Map.of(),
                null,
                null,
                null));

    assertThat(dao.activeAlerts(Optional.empty(), Optional.empty(), Optional.empty()))
        .extracting(AlertRow::id)
        .as("critical first")
        .containsExactly(pumpAlert, alert);
    List<AlertRow> hvac =
        dao.activeAlerts(Optional.of(HVAC), Optional.of("baseline"), Optional.of("warning"));
    assertThat(hvac)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.machineName()).isNotBlank();
              assertThat(a.metricId()).isEqualTo(metric);
              assertThat(a.currentValue()).isEqualTo(0.24);
              assertThat(a.isResolved()).isFalse();
            });

    UUID retrained = model(HVAC);
    assertThat(dao.resolveSuperseded(HVAC, "baseline", retrained, "retrained", "api", T0))
        .isEqualTo(1);
    assertThat(dao.activeAlerts(Optional.of(HVAC), Optional.empty(), Optional.empty())).isEmpty();
    assertThat(dao.activeAlerts(Optional.of(PUMP), Optional.empty(), Optional.empty())).hasSize(1);
  }
}
