package org.enms.db.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.enms.core.plant.DemoPlant;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FactoryDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  @Test
  void createsUpdatesAndListsFactoriesByName() {
    var dao = new FactoryDao(pg.database());
    FactoryRecord created = dao.create(null, new FactoryDraft("Bremen Works", "Bremen", null));
    assertThat(created.timezone()).isEqualTo("UTC");
    assertThat(created.isActive()).isTrue();

    FactoryRecord updated =
        dao.update(created.id(), new FactoryDraft("Bremen Works", "Bremen-Nord", "Europe/Berlin"))
            .orElseThrow();

    assertThat(updated.location()).isEqualTo("Bremen-Nord");
    assertThat(updated.timezone()).isEqualTo("Europe/Berlin");
    assertThat(dao.byName("Bremen Works")).map(FactoryRecord::id).contains(created.id());
    assertThat(dao.list(Optional.empty()))
        .extracting(FactoryRecord::name)
        .isSorted()
        .contains("Bremen Works", "Demo Manufacturing Plant");
  }

  @Test
  void refusesADuplicateName() {
    var dao = new FactoryDao(pg.database());
    assertThatThrownBy(
            () -> dao.create(null, new FactoryDraft("Demo Manufacturing Plant", null, null)))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.CONFLICT));
  }

  @Test
  void refusesToDeactivateAFactoryWithActiveMachinesButDeactivatesAnEmptyOne() {
    var dao = new FactoryDao(pg.database());
    assertThat(dao.byId(DemoPlant.EUROPE_FACTORY).orElseThrow().activeMachines()).isEqualTo(2);
    assertThatThrownBy(() -> dao.setActive(DemoPlant.EUROPE_FACTORY, false))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.getMessage()).contains("2 active machine"));

    FactoryRecord empty = dao.create(null, new FactoryDraft("Closed Site", null, null));
    assertThat(dao.setActive(empty.id(), false).orElseThrow().isActive()).isFalse();
    assertThat(dao.list(Optional.of(false)))
        .extracting(FactoryRecord::name)
        .isEqualTo(List.of("Closed Site"));
  }
}
