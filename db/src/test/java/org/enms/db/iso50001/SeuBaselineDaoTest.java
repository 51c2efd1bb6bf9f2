package org.enms.db.iso50001;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.db.BaselineDao;
import org.enms.db.registry.SeuDao;
import org.enms.db.registry.SeuDraft;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SeuBaselineDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private final SeuBaselineDao dao = new SeuBaselineDao(pg.database());
  private final SeuDao seus = new SeuDao(pg.database());

  private UUID seu(String name) {
    UUID electricity = new BaselineDao(pg.database()).energySourceId("electricity").orElseThrow();
    return seus.create(
            null, new SeuDraft(name, null, electricity, List.of(DemoPlant.machineId(5)), null))
        .id();
  }

  private static SeuBaselineDao.NewSeuBaseline model(UUID seu, int year, double r2) {
    Map<String, Double> coefficients = new LinkedHashMap<>();
    coefficients.put("production_count", 0.05);
    coefficients.put("is_weekend", -3.0);
    coefficients.put("heating_degree_days", 1.5);
    return new SeuBaselineDao.NewSeuBaseline(
        seu,
        year,
        LocalDate.of(year, 1, 1),
        LocalDate.of(year, 1, 28),
        coefficients,
        48.0,
        Map.of("production_count", 2000.0),
        28,
        5000.0,
        r2,
        r2 - 0.01,
        1.5,
        1.2,
        3.1,
        0.0,
        1.6,
        new SeuBaselineDao.Validity(true, List.of(), List.of("is_weekend: p = 0.300 ≥ 0.20")),
        "test");
  }

  @Test
  void eachTrainingIsTheNextActiveVersionAndMarksTheSeu() {
    UUID seu = seu("Press line");
    assertThat(seus.byId(seu).orElseThrow().rSquared()).isNull();

    var first = dao.insertActive(model(seu, 2025, 0.90));
    var second = dao.insertActive(model(seu, 2026, 0.95));

    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(dao.active(seu).orElseThrow().id()).isEqualTo(second.id());
    assertThat(dao.ofYear(seu, 2025).orElseThrow().isActive()).isFalse();
    // What GET /seus reads as has_baseline and r_squared.
    var stored = seus.byId(seu).orElseThrow();
    assertThat(stored.rSquared()).isEqualTo(0.95);
    assertThat(stored.baselineYear()).isEqualTo(2026);
  }

  @Test
  void readsTheModelBackAsStoredWithItsVariablesInOrder() {
    UUID seu = seu("Compressed air");
    var row = dao.insertActive(model(seu, 2025, 0.9));
    assertThat(row.coefficients().keySet())
        .containsExactly("production_count", "is_weekend", "heating_degree_days");
    assertThat(row.featureMeans()).containsEntry("production_count", 2000.0);
    assertThat(row.validity().warnings()).containsExactly("is_weekend: p = 0.300 ≥ 0.20");
    assertThat(row.startDate()).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(row.baselineEnergy()).isEqualTo(5000.0);
    assertThat(dao.ofYear(seu, 2024)).isEmpty();
  }
}
