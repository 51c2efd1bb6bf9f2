package org.enms.db.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SeuDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final UUID ELECTRICITY = UUID.fromString("e0000000-0000-0000-0000-000000000001");

  @Test
  void listsTheDemoSeusWithTheirEnergySourceFilteredByItsName() {
    var dao = new SeuDao(pg.database());
    List<SeuRecord> all = dao.list(Optional.of("ELECTRICITY"), Optional.of(true));
    assertThat(all).hasSize(7);
    assertThat(all).extracting(SeuRecord::unit).containsOnly("kWh");
    assertThat(all.get(0).id()).isEqualTo(UUID.fromString("aaaaaaaa-1111-1111-1111-111111111111"));
    assertThat(dao.list(Optional.of("steam"), Optional.empty())).isEmpty();
    assertThat(dao.machinesOf(all.get(0).id()))
        .extracting(SeuMachine::name)
        .containsExactly("Compressor-1");
  }

  @Test
  void createsUpdatesAndDeactivatesAnSeu() {
    var dao = new SeuDao(pg.database());
    SeuRecord s =
        dao.create(
            null,
            new SeuDraft(
                "Compressed air",
                null,
                ELECTRICITY,
                List.of(DemoPlant.machineId(1), DemoPlant.machineId(6)),
                2025));
    assertThat(s.machineIds()).hasSize(2);

    SeuRecord updated =
        dao.update(
                s.id(),
                new SeuDraft(
                    "Compressed air", "both", ELECTRICITY, List.of(DemoPlant.machineId(1)), 2025))
            .orElseThrow();
    assertThat(updated.machineIds()).containsExactly(DemoPlant.machineId(1));
    assertThat(updated.description()).isEqualTo("both");

    assertThat(dao.setActive(s.id(), false).orElseThrow().isActive()).isFalse();
    assertThat(dao.list(Optional.empty(), Optional.of(true)))
        .extracting(SeuRecord::id)
        .doesNotContain(s.id());
  }

  @Test
  void refusesUnknownMachines() {
    var dao = new SeuDao(pg.database());
    UUID ghost = UUID.randomUUID();
    assertThatThrownBy(
            () -> dao.create(null, new SeuDraft("Ghosts", null, ELECTRICITY, List.of(ghost), null)))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RegistryException.Kind.MISSING_REFERENCE);
              assertThat(e.field()).isEqualTo("machine_ids");
              assertThat(e.getMessage()).contains(ghost.toString());
            });
  }
}
