package org.enms.db.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Factory;
import org.enms.core.plant.Machine;

/**
 * The original EnMS demo plant (its {@code 06-seed-data.sql} and {@code 08-production-seus.sql}) as
 * a declared plant, with the original ids: the node applies it when no plant file is declared, and
 * tests get it with every fresh database. Factories and machines come from {@link DemoPlant}, which
 * the simulator also uses, so the two cannot drift apart.
 */
public final class DemoPlantSpec {
  private static final UUID PEAK = UUID.fromString("f0000000-0000-0000-0000-000000000001");
  private static final UUID OFF_PEAK = UUID.fromString("f0000000-0000-0000-0000-000000000002");
  private static final UUID STANDARD = UUID.fromString("f0000000-0000-0000-0000-000000000003");
  private static final LocalDate TARIFFS_FROM = LocalDate.of(2024, 1, 1);

  private DemoPlantSpec() {}

  public static PlantSpec get() {
    return new PlantSpec(
        DemoPlant.FACTORIES.stream().map(DemoPlantSpec::factory).toList(),
        List.of(),
        tariffs(),
        DemoPlant.MACHINES.stream().map(DemoPlantSpec::machine).toList(),
        seus());
  }

  private static PlantSpec.FactorySpec factory(Factory f) {
    return new PlantSpec.FactorySpec(f.id(), f.name(), f.location(), f.timezone());
  }

  private static PlantSpec.MachineSpec machine(Machine m) {
    List<PlantSpec.SourceSpec> sources = new ArrayList<>();
    sources.add(new PlantSpec.SourceSpec("electricity", "kWh"));
    if (m.type() == org.enms.core.plant.MachineType.BOILER) {
      sources.add(new PlantSpec.SourceSpec("natural_gas", "m³"));
      sources.add(new PlantSpec.SourceSpec("steam", "kg"));
    }
    return new PlantSpec.MachineSpec(
        m.id(),
        factoryName(m.factoryId()),
        m.name(),
        m.type().wireName(),
        m.ratedPowerKw(),
        m.intervalSeconds(),
        sources,
        null,
        null,
        null,
        m.manufacturer(),
        m.model(),
        m.locationInFactory(),
        m.mqttTopic(),
        m.critical(),
        m.ratedCurrentA(),
        400.0);
  }

  private static List<PlantSpec.TariffSpec> tariffs() {
    String demo = factoryName(DemoPlant.DEMO_FACTORY);
    String europe = factoryName(DemoPlant.EUROPE_FACTORY);
    return List.of(
        new PlantSpec.TariffSpec(
            PEAK,
            demo,
            new TariffDraft(
                "Peak Hours Rate",
                "Weekday peak",
                "electricity",
                TariffDraft.TIME_OF_USE,
                0.25,
                "USD",
                9,
                21,
                List.of(1, 2, 3, 4, 5),
                null,
                TARIFFS_FROM)),
        new PlantSpec.TariffSpec(
            OFF_PEAK,
            demo,
            new TariffDraft(
                "Off-Peak Rate",
                "Nights, all days (wraps midnight)",
                "electricity",
                TariffDraft.TIME_OF_USE,
                0.10,
                "USD",
                21,
                9,
                List.of(0, 1, 2, 3, 4, 5, 6),
                null,
                TARIFFS_FROM)),
        new PlantSpec.TariffSpec(
            STANDARD,
            europe,
            new TariffDraft(
                "Standard Industrial Rate",
                "Flat rate",
                "electricity",
                TariffDraft.FLAT,
                0.18,
                "EUR",
                null,
                null,
                null,
                null,
                TARIFFS_FROM)));
  }

  private static List<PlantSpec.SeuSpec> seus() {
    return List.of(
        seu("1111", "Compressor-1", "Compressed air generation, Demo plant"),
        seu("2222", "Compressor-EU-1", "Compressed air generation, Munich"),
        seu("3333", "HVAC-Main", "Main building HVAC"),
        seu("4444", "HVAC-EU-North", "North wing HVAC, Munich"),
        seu("5555", "Conveyor-A", "Assembly line A conveyor"),
        seu("6666", "Hydraulic-Pump-1", "Press shop hydraulics"),
        seu("7777", "Injection-Molding-1", "Molding hall injection molding"));
  }

  /** The original's SEU ids are {@code aaaaaaaa-NNNN-NNNN-NNNN-NNNNNNNNNNNN}. */
  private static PlantSpec.SeuSpec seu(String digits, String machine, String description) {
    String id = "aaaaaaaa-" + digits + "-" + digits + "-" + digits + "-" + digits.repeat(3);
    return new PlantSpec.SeuSpec(
        UUID.fromString(id),
        machine + " Electrical System",
        description,
        "electricity",
        List.of(machine),
        2024);
  }

  private static String factoryName(UUID id) {
    return DemoPlant.FACTORIES.stream()
        .filter(f -> f.id().equals(id))
        .findFirst()
        .orElseThrow()
        .name();
  }
}
