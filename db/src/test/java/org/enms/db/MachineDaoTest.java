package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MachineDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  @Test
  void listsAllMachinesOrderedByName() {
    var all = new MachineDao(pg.database()).list(Optional.empty(), Optional.empty());
    assertThat(all).hasSize(8);
    assertThat(all).extracting(MachineRow::name).isSorted();
  }

  @Test
  void searchIsACaseInsensitiveSubstringOfTheName() {
    var dao = new MachineDao(pg.database());
    assertThat(dao.list(Optional.of("compressor"), Optional.empty()))
        .extracting(MachineRow::name)
        .containsExactly("Compressor-1", "Compressor-EU-1");
    assertThat(dao.byNameContaining("hvac-eu"))
        .extracting(MachineRow::name)
        .containsExactly("HVAC-EU-North");
    assertThat(dao.byNameContaining("%")).isEmpty();
  }

  @Test
  void filtersByActiveFlag() {
    var dao = new MachineDao(pg.database());
    UUID conveyor = DemoPlant.machineId(3);
    pg.database()
        .jdbi()
        .useHandle(h -> h.execute("UPDATE machines SET is_active = false WHERE id = ?", conveyor));
    try {
      assertThat(dao.list(Optional.empty(), Optional.of(false)))
          .extracting(MachineRow::id)
          .containsExactly(conveyor);
      assertThat(dao.list(Optional.empty(), Optional.of(true))).hasSize(7);
      assertThat(dao.activeIds()).hasSize(7).doesNotContain(conveyor);
      assertThat(dao.inactiveIds()).containsExactly(conveyor);
    } finally {
      pg.database()
          .jdbi()
          .useHandle(h -> h.execute("UPDATE machines SET is_active = true WHERE id = ?", conveyor));
    }
  }

  @Test
  void readsOneMachineWithItsFactory() {
    MachineRow row = new MachineDao(pg.database()).byId(DemoPlant.machineId(7)).orElseThrow();
    assertThat(row.name()).isEqualTo("HVAC-EU-North");
    assertThat(row.type()).isEqualTo("hvac");
    assertThat(row.ratedPowerKw()).isEqualTo(200);
    assertThat(row.factoryName()).isEqualTo("European Production Facility");
    assertThat(row.factoryLocation()).isEqualTo("Munich");
    assertThat(row.dataIntervalSeconds()).isEqualTo(10);
    assertThat(row.factoryId()).isEqualTo(DemoPlant.EUROPE_FACTORY);
    assertThat(new MachineDao(pg.database()).byId(UUID.randomUUID())).isEmpty();
  }
}
