package org.enms.db.iso50001;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ActionPlanDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private final ActionPlanDao dao = new ActionPlanDao(pg.database());

  private static ActionPlanDao.Row plan(
      String title, String priority, LocalDate target, UUID factory) {
    return new ActionPlanDao.Row(
        null, null, null, factory, title, "save", null, 1000, 150.0, null, null, "planned",
        priority, "Ana", null, null, target, null, 0, null, 300.0, null, 24.0, "test", null, null);
  }

  @Test
  void listsTheMostUrgentFirstAndFiltersByFactoryStatusAndPriority() {
    UUID factory = DemoPlant.DEMO_FACTORY;
    dao.insert(plan("later", "medium", LocalDate.of(2030, 1, 1), factory));
    dao.insert(plan("sooner", "medium", LocalDate.of(2029, 1, 1), factory));
    dao.insert(plan("urgent", "critical", LocalDate.of(2031, 1, 1), factory));
    dao.insert(plan("elsewhere", "low", LocalDate.of(2029, 1, 1), null));

    assertThat(dao.list(factory, null, null, null))
        .extracting(ActionPlanDao.Row::title)
        .containsExactly("urgent", "sooner", "later");
    assertThat(dao.list(null, null, null, "low"))
        .extracting(ActionPlanDao.Row::title)
        .containsExactly("elsewhere");
    assertThat(dao.list(null, null, "completed", null)).isEmpty();
  }

  @Test
  void updatesInPlaceAndDeletes() {
    var stored = dao.insert(plan("valves", "high", LocalDate.of(2030, 1, 1), null));
    assertThat(stored.id()).isNotNull();
    assertThat(stored.createdAt()).isNotNull();

    var done =
        dao.update(
                stored.id(),
                p ->
                    new ActionPlanDao.Row(
                        p.id(),
                        p.seuId(),
                        p.seuName(),
                        p.factoryId(),
                        p.title(),
                        p.objective(),
                        p.description(),
                        p.targetSavingsKwh(),
                        p.targetSavingsUsd(),
                        900.0,
                        135.0,
                        "completed",
                        p.priority(),
                        p.responsiblePerson(),
                        p.responsibleDepartment(),
                        p.startDate(),
                        p.targetDate(),
                        LocalDate.of(2026, 11, 29),
                        100,
                        "done",
                        p.estimatedInvestmentUsd(),
                        280.0,
                        24.9,
                        p.createdBy(),
                        p.createdAt(),
                        p.updatedAt()))
            .orElseThrow();
    assertThat(done.status()).isEqualTo("completed");
    assertThat(done.actualSavingsKwh()).isEqualTo(900.0);
    assertThat(done.completionDate()).isEqualTo(LocalDate.of(2026, 11, 29));
    assertThat(done.actualInvestmentUsd()).isEqualTo(280.0);
    assertThat(dao.update(UUID.randomUUID(), p -> p)).isEmpty();

    assertThat(dao.delete(stored.id())).isTrue();
    assertThat(dao.byId(stored.id())).isEmpty();
    assertThat(dao.delete(stored.id())).isFalse();
  }
}
