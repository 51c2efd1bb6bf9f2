package org.enms.db.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EnergySourceDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  @Test
  void createsUpdatesAndDeactivatesAnEnergySourceAndRefusesADuplicateName() {
    var dao = new EnergySourceDao(pg.database());
    assertThat(dao.list(Optional.of(true)))
        .extracting(EnergySourceRecord::name)
        .containsExactly("compressed_air", "electricity", "natural_gas", "steam");

    EnergySourceRecord water =
        dao.create(null, new EnergySourceDraft("chilled_water", "kWh", 0.05, null, null));
    EnergySourceRecord updated =
        dao.update(
                water.id(), new EnergySourceDraft("chilled_water", "MWh", 50.0, 0.1, "plant loop"))
            .orElseThrow();
    assertThat(updated.unit()).isEqualTo("MWh");
    assertThat(updated.carbonFactor()).isEqualTo(0.1);
    assertThat(dao.setActive(water.id(), false).orElseThrow().isActive()).isFalse();
    assertThat(dao.byName("chilled_water")).isPresent();

    assertThatThrownBy(
            () -> dao.create(null, new EnergySourceDraft("steam", "kg", null, null, null)))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.CONFLICT));
  }
}
