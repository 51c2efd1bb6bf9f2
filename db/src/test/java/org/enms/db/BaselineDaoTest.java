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
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BaselineDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final UUID HVAC = DemoPlant.machineId(2);
  private static final UUID PUMP = DemoPlant.machineId(4);

  private final BaselineDao dao = new BaselineDao(pg.database());

  private UUID electricity() {
    return dao.energySourceId("electricity").orElseThrow();
  }

  private NewBaseline model(UUID machine, UUID source, double r2) {
    Map<String, Double> coefficients = new LinkedHashMap<>();
    coefficients.put("total_production_count", 0.01);
    coefficients.put("heating_degree_hours", 1.5);
    coefficients.put("avg_pressure_bar", -0.3);
    return new NewBaseline(
        machine,
        source,
        Instant.parse("2025-01-01T00:00:00Z"),
        Instant.parse("2025-01-21T23:00:00Z"),
        504,
        coefficients,
        20.0,
        r2,
        r2 - 0.01,
        1.2,
        0.9,
        4.5,
        0.0,
        1.21,
        Map.of("total_production_count", 1e-9, "heating_degree_hours", 0.03),
        Map.of("heating_degree_hours", new FeatureStats(0, 14, 5.2, 3.1)),
        new Validity(false, List.of("R² 0.400 is below 0.5 (EnPI Lite)"), List.of()),
        "test",
        Map.of("dropped_drivers", List.of("cooling_degree_hours: constant over the period")),
        "linear_regression");
  }

  @Test
  void storesEachNewModelAsTheNextActiveVersion() {
    var first = dao.insertActive(model(HVAC, electricity(), 0.9));
    var second = dao.insertActive(model(HVAC, electricity(), 0.95));

    assertThat(first.modelVersion()).isEqualTo(1);
    assertThat(second.modelVersion()).isEqualTo(2);
    assertThat(second.modelName()).isEqualTo("baseline_v2");
    assertThat(second.isActive()).isTrue();
    assertThat(dao.byId(first.id()).orElseThrow().isActive()).isFalse();
    assertThat(dao.active(HVAC, electricity()).orElseThrow().id()).isEqualTo(second.id());
    assertThat(dao.byMachine(HVAC, Optional.empty()))
        .extracting(BaselineDao.BaselineRow::modelVersion)
        .containsExactly(2, 1);
  }

  @Test
  void keepsVersionsPerEnergySourceApart() {
    UUID gas = dao.energySourceId("natural_gas").orElseThrow();
    dao.insertActive(model(PUMP, electricity(), 0.9));
    var gasModel = dao.insertActive(model(PUMP, gas, 0.8));

    assertThat(gasModel.modelVersion()).isEqualTo(1);
    assertThat(gasModel.energySource()).isEqualTo("natural_gas");
    assertThat(dao.active(PUMP, electricity())).isPresent();
    assertThat(dao.byMachine(PUMP, Optional.of(gas)))
        .singleElement()
        .extracting(BaselineDao.BaselineRow::id)
        .isEqualTo(gasModel.id());
  }

  @Test
  void readsBackDriversInOrderWithRangesValidityAndMetrics() {
    var stored = dao.insertActive(model(DemoPlant.machineId(3), electricity(), 0.4));

    var row = dao.byId(stored.id()).orElseThrow();
    assertThat(row.featureNames())
        .containsExactly("total_production_count", "heating_degree_hours", "avg_pressure_bar");
    assertThat(row.coefficients()).containsEntry("avg_pressure_bar", -0.3);
    assertThat(row.featureRanges())
        .containsEntry("heating_degree_hours", new FeatureStats(0, 14, 5.2, 3.1));
    assertThat(row.validity().valid()).isFalse();
    assertThat(row.validity().reasons()).containsExactly("R² 0.400 is below 0.5 (EnPI Lite)");
    assertThat(row.cvRmse()).isEqualTo(4.5);
    assertThat(row.nmbe()).isEqualTo(0.0);
    assertThat(row.residualStd()).isEqualTo(1.21);
    assertThat(row.pValues()).containsEntry("heating_degree_hours", 0.03);
    assertThat(row.machineName()).isEqualTo("Conveyor-A");
    assertThat(row.metadata()).containsKey("dropped_drivers");
  }

  @Test
  void resolvesAnSeuByTheMachineNameTheVoiceClientSays() {
    var seu = dao.seu("compressor-1", Optional.of("electricity")).orElseThrow();

    assertThat(seu.machineId()).isEqualTo(DemoPlant.machineId(1));
    assertThat(seu.energySource()).isEqualTo("electricity");
    assertThat(seu.energyUnit()).isEqualTo("kWh");
    assertThat(dao.seu("Compressor-EU-1", Optional.empty()).orElseThrow().machineId())
        .isEqualTo(DemoPlant.machineId(6));
  }

  @Test
  void findsNoSeuForAMachineWithoutOneOrAnotherEnergySource() {
    assertThat(dao.seu("Boiler-1", Optional.of("electricity"))).isEmpty();
    assertThat(dao.seu("Compressor-1", Optional.of("steam"))).isEmpty();
    assertThat(dao.energySourceId("plasma")).isEmpty();
  }

  @Test
  void listsTheActiveModelsOfActiveMachinesOnly() {
    UUID conveyor = DemoPlant.machineId(5);
    var old = dao.insertActive(model(conveyor, electricity(), 0.8));
    var current = dao.insertActive(model(conveyor, electricity(), 0.9));

    assertThat(dao.allActive())
        .extracting(BaselineDao.BaselineRow::id)
        .contains(current.id())
        .doesNotContain(old.id());
    assertThat(dao.allActive()).allMatch(BaselineDao.BaselineRow::isActive);

    pg.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE machines SET is_active = false WHERE id = :id")
                    .bind("id", conveyor)
                    .execute());
    assertThat(dao.allActive())
        .extracting(BaselineDao.BaselineRow::machineId)
        .doesNotContain(conveyor);
  }
}
