package org.enms.db.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PlantApplierTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final Path EXAMPLE = Path.of("../docs/plant-example.conf");
  private static final UUID PRESS = UUID.fromString("5b1f3c6e-8a1d-4f57-9a55-2f9c1e0b7a01");

  private String snapshot() {
    return pg.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT concat_ws(' | ',
                          (SELECT string_agg(concat_ws(',', id, name, location, timezone, is_active),
                                             ';' ORDER BY id) FROM factories),
                          (SELECT string_agg(concat_ws(',', id, name, unit, cost_per_unit), ';'
                                             ORDER BY id) FROM energy_sources),
                          (SELECT string_agg(concat_ws(',', id, factory_id, name, rate_per_kwh,
                                             applicable_days), ';' ORDER BY id) FROM energy_tariffs),
                          (SELECT string_agg(concat_ws(',', id, factory_id, name, type,
                                             rated_power_kw, data_interval_seconds, tariff_id,
                                             is_active, is_critical), ';' ORDER BY id) FROM machines),
                          (SELECT string_agg(concat_ws(',', machine_id, energy_source_id, unit), ';'
                                             ORDER BY machine_id, energy_source_id)
                             FROM machine_energy_sources),
                          (SELECT string_agg(concat_ws(',', id, name, energy_source_id, machine_ids),
                                             ';' ORDER BY id) FROM seus),
                          (SELECT count(*) FROM machine_status))
                        """)
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void applyingTheSamePlantTwiceLeavesTheSameRows() {
    var applier = new PlantApplier(pg.database());
    PlantSpec plant = PlantFile.load(EXAMPLE);

    PlantApplier.Applied first = applier.apply(plant);
    String afterFirst = snapshot();
    PlantApplier.Applied second = applier.apply(plant);

    assertThat(first.created()).isEqualTo(7);
    assertThat(second.created()).isZero();
    assertThat(snapshot()).isEqualTo(afterFirst);
    assertThat(new MachineRegistryDao(pg.database()).byId(PRESS).orElseThrow().factoryName())
        .isEqualTo("Bremen Works");
  }

  @Test
  void theDemoPlantKeepsTheOriginalIdsAndApplyingItAgainChangesNothing() {
    String before = snapshot();
    assertThat(new PlantApplier(pg.database()).apply(DemoPlantSpec.get()).created()).isZero();
    assertThat(snapshot()).isEqualTo(before);

    var boiler =
        new MachineRegistryDao(pg.database())
            .byId(UUID.fromString("c0000000-0000-0000-0000-000000000008"))
            .orElseThrow();
    assertThat(boiler.name()).isEqualTo("Boiler-1");
    assertThat(boiler.energySources())
        .extracting(MachineRecord.EnergySourceUse::name)
        .containsExactly("electricity", "natural_gas", "steam");
    assertThat(
            new SeuDao(pg.database())
                .byId(UUID.fromString("aaaaaaaa-7777-7777-7777-777777777777"))
                .orElseThrow()
                .name())
        .isEqualTo("Injection-Molding-1 Electrical System");
  }

  @Test
  void updatesDeclaredFieldsLeavesUndeclaredMachinesAndAnApiDeactivationAlone() {
    var applier = new PlantApplier(pg.database());
    applier.apply(plant("Line-1", 10));
    UUID lineOne = PlantIds.machine("Site", "Line-1");
    var machines = new MachineRegistryDao(pg.database());
    machines.setActive(lineOne, false);

    applier.apply(plant("Line-2", 12));

    assertThat(machines.byId(lineOne).orElseThrow().isActive()).isFalse();
    assertThat(machines.byId(PlantIds.machine("Site", "Line-2")).orElseThrow().ratedPowerKw())
        .isEqualTo(12);
    applier.apply(plant("Line-2", 15));
    assertThat(machines.byId(PlantIds.machine("Site", "Line-2")).orElseThrow().ratedPowerKw())
        .isEqualTo(15);
  }

  @Test
  void refusesAPlantThatNamesAnUnknownFactoryAndWritesNothing() {
    String before = snapshot();
    PlantSpec broken =
        PlantFile.parse(
            ConfigFactory.parseString(
                """
                plant {
                  factories = [ { name = "Good" } ]
                  machines = [ { name = "M", factory = "Nowhere", rated-power-kw = 1 } ]
                }
                """));
    assertThatThrownBy(() -> new PlantApplier(pg.database()).apply(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown factory Nowhere");
    assertThat(snapshot()).isEqualTo(before);
  }

  private static PlantSpec plant(String machine, double kw) {
    return new PlantSpec(
        List.of(new PlantSpec.FactorySpec(null, "Site", null, null)),
        List.of(),
        List.of(),
        List.of(
            new PlantSpec.MachineSpec(
                null,
                "Site",
                machine,
                "motor",
                kw,
                10,
                List.of(new PlantSpec.SourceSpec("electricity", null)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null)),
        List.of());
  }
}
