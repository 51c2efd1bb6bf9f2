package org.enms.db.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MachineRegistryDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final UUID ELECTRICITY = UUID.fromString("e0000000-0000-0000-0000-000000000001");
  private static final UUID GAS = UUID.fromString("e0000000-0000-0000-0000-000000000002");
  private static final UUID PEAK_TARIFF = UUID.fromString("f0000000-0000-0000-0000-000000000001");
  private static final UUID EU_TARIFF = UUID.fromString("f0000000-0000-0000-0000-000000000003");

  private static MachineDraft draft(String name) {
    return new MachineDraft(
        DemoPlant.DEMO_FACTORY,
        name,
        "pump",
        30,
        5,
        List.of(new MachineDraft.SourceUse(ELECTRICITY, "kWh")),
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        null);
  }

  private long count(String sql) {
    return pg.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void createsAMachineWithItsEnergySourcesStatusRowAndTariff() {
    var dao = new MachineRegistryDao(pg.database());
    MachineDraft d = draft("Press-7");
    MachineRecord created =
        dao.create(
            null,
            new MachineDraft(
                d.factoryId(),
                d.name(),
                d.type(),
                d.ratedPowerKw(),
                d.dataIntervalSeconds(),
                List.of(
                    new MachineDraft.SourceUse(ELECTRICITY, "kWh"),
                    new MachineDraft.SourceUse(GAS, "m³")),
                PEAK_TARIFF,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null));

    assertThat(created.name()).isEqualTo("Press-7");
    assertThat(created.factoryName()).isEqualTo("Demo Manufacturing Plant");
    assertThat(created.dataIntervalSeconds()).isEqualTo(5);
    assertThat(created.tariffId()).isEqualTo(PEAK_TARIFF);
    assertThat(created.isActive()).isTrue();
    assertThat(created.energySources())
        .extracting(MachineRecord.EnergySourceUse::name, MachineRecord.EnergySourceUse::unit)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("electricity", "kWh"),
            org.assertj.core.groups.Tuple.tuple("natural_gas", "m³"));
    assertThat(
            count("SELECT count(*) FROM machine_status WHERE machine_id = '" + created.id() + "'"))
        .isEqualTo(1);
    assertThat(dao.activity()).containsEntry(created.id(), true);
  }

  @Test
  void refusesASecondMachineOfTheSameNameInTheSameFactoryAsAConflictOnName() {
    var dao = new MachineRegistryDao(pg.database());
    dao.create(null, draft("Twin"));
    assertThatThrownBy(() -> dao.create(null, draft("Twin")))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RegistryException.Kind.CONFLICT);
              assertThat(e.field()).isEqualTo("name");
            });
  }

  @Test
  void refusesAnUnknownFactoryAndAnotherFactorysTariff() {
    var dao = new MachineRegistryDao(pg.database());
    MachineDraft d = draft("Orphan");
    assertThatThrownBy(
            () ->
                dao.create(
                    null,
                    new MachineDraft(
                        UUID.randomUUID(),
                        d.name(),
                        d.type(),
                        1,
                        1,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        null,
                        null)))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RegistryException.Kind.MISSING_REFERENCE);
              assertThat(e.field()).isEqualTo("factory_id");
            });
    assertThatThrownBy(
            () ->
                dao.create(
                    null,
                    new MachineDraft(
                        DemoPlant.DEMO_FACTORY,
                        "Misbilled",
                        "other",
                        1,
                        1,
                        List.of(),
                        EU_TARIFF,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        null,
                        null)))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.field()).isEqualTo("tariff_id"));
    assertThat(count("SELECT count(*) FROM machines WHERE name IN ('Orphan', 'Misbilled')"))
        .isZero();
  }

  @Test
  void updateReplacesFieldsAndEnergySources() {
    var dao = new MachineRegistryDao(pg.database());
    MachineRecord m = dao.create(null, draft("Mixer"));
    MachineDraft changed =
        new MachineDraft(
            m.factoryId(),
            "Mixer-2",
            "motor",
            11,
            30,
            List.of(new MachineDraft.SourceUse(GAS, "kWh")),
            null,
            "new",
            null,
            null,
            null,
            null,
            true,
            null,
            null);

    MachineRecord updated = dao.update(m.id(), changed).orElseThrow();

    assertThat(updated.name()).isEqualTo("Mixer-2");
    assertThat(updated.type()).isEqualTo("motor");
    assertThat(updated.ratedPowerKw()).isEqualTo(11);
    assertThat(updated.critical()).isTrue();
    assertThat(updated.energySources())
        .extracting(MachineRecord.EnergySourceUse::name)
        .containsExactly("natural_gas");
    assertThat(dao.update(UUID.randomUUID(), changed)).isEmpty();
  }

  @Test
  void deactivatingKeepsTheMachinesReadings() {
    var dao = new MachineRegistryDao(pg.database());
    MachineRecord m = dao.create(null, draft("Retired"));
    new ReadingBatchWriter(pg.database())
        .write(List.of(EnergyReading.electricity(m.id(), Instant.now().minusSeconds(60), 3, 0.05)));

    MachineRecord off = dao.setActive(m.id(), false).orElseThrow();

    assertThat(off.isActive()).isFalse();
    assertThat(dao.activity()).containsEntry(m.id(), false);
    assertThat(count("SELECT count(*) FROM energy_readings WHERE machine_id = '" + m.id() + "'"))
        .isEqualTo(1);
    assertThat(dao.byId(m.id())).isPresent();
  }

  @Test
  void registersUnknownMachinesOnceUnderTheNamedFactory() {
    var dao = new MachineRegistryDao(pg.database());
    UUID a = UUID.randomUUID();
    UUID known = DemoPlant.machineId(1);

    assertThat(dao.registerUnknown(List.of(a, known), "Auto-registered")).containsExactly(a);
    assertThat(dao.registerUnknown(List.of(a), "Auto-registered")).isEmpty();

    MachineRecord m = dao.byId(a).orElseThrow();
    assertThat(m.name()).isEqualTo(a.toString());
    assertThat(m.factoryName()).isEqualTo("Auto-registered");
    assertThat(m.type()).isEqualTo("other");
    assertThat(m.ratedPowerKw()).isZero();
    assertThat(m.isActive()).isTrue();
    assertThat(m.energySources())
        .extracting(MachineRecord.EnergySourceUse::unit)
        .containsExactly("kWh");
    assertThat(dao.byId(known).orElseThrow().factoryId()).isEqualTo(DemoPlant.DEMO_FACTORY);
    assertThat(count("SELECT count(*) FROM factories WHERE name = 'Auto-registered'")).isEqualTo(1);
  }
}
