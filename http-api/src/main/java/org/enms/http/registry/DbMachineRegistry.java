package org.enms.http.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.db.BlockingIo;
import org.enms.db.registry.EnergySourceDao;
import org.enms.db.registry.EnergySourceRecord;
import org.enms.db.registry.FactoryDao;
import org.enms.db.registry.MachineDraft;
import org.enms.db.registry.MachineRecord;
import org.enms.db.registry.MachineRegistryDao;

/**
 * The API's machine registry over {@link MachineRegistryDao}. Resolves what clients name (the
 * factory by name, energy sources by name, a source's own unit when none is given) before the
 * write.
 */
public final class DbMachineRegistry implements MachineRegistry {
  private final MachineRegistryDao machines;
  private final FactoryDao factories;
  private final EnergySourceDao sources;
  private final BlockingIo io;

  public DbMachineRegistry(
      MachineRegistryDao machines, FactoryDao factories, EnergySourceDao sources, BlockingIo io) {
    this.machines = machines;
    this.factories = factories;
    this.sources = sources;
    this.io = io;
  }

  @Override
  public CompletionStage<Optional<Entry>> byId(UUID id) {
    return io.call(() -> machines.byId(id).map(DbMachineRegistry::entry));
  }

  @Override
  public CompletionStage<Entry> create(UUID id, Input input) {
    return RegistryCalls.call(io, () -> entry(machines.create(id, draft(input))));
  }

  @Override
  public CompletionStage<Optional<Entry>> update(UUID id, Input input) {
    return RegistryCalls.call(
        io, () -> machines.update(id, draft(input)).map(DbMachineRegistry::entry));
  }

  @Override
  public CompletionStage<Optional<Entry>> setActive(UUID id, boolean active) {
    return RegistryCalls.call(
        io, () -> machines.setActive(id, active).map(DbMachineRegistry::entry));
  }

  private MachineDraft draft(Input in) {
    UUID factory =
        in.factoryId() != null
            ? in.factoryId()
            : factories
                .byName(in.factoryName())
                .orElseThrow(
                    () -> RegistryCalls.missing("factory", "unknown factory " + in.factoryName()))
                .id();
    List<MachineDraft.SourceUse> uses = new ArrayList<>();
    for (SourceInput s : in.energySources()) {
      EnergySourceRecord source =
          sources
              .byName(s.name())
              .orElseThrow(
                  () ->
                      RegistryCalls.missing("energy_sources", "unknown energy source " + s.name()));
      uses.add(
          new MachineDraft.SourceUse(source.id(), s.unit() == null ? source.unit() : s.unit()));
    }
    return new MachineDraft(
        factory,
        in.name(),
        in.type(),
        in.ratedPowerKw(),
        in.dataIntervalSeconds(),
        uses,
        in.tariffId(),
        in.description(),
        in.manufacturer(),
        in.model(),
        in.locationInFactory(),
        in.mqttTopic(),
        in.isCritical(),
        in.ratedCurrentA(),
        in.ratedVoltageV());
  }

  private static Entry entry(MachineRecord m) {
    return new Entry(
        m.id(),
        m.factoryId(),
        m.factoryName(),
        m.name(),
        m.type(),
        m.ratedPowerKw(),
        m.dataIntervalSeconds(),
        m.energySources().stream()
            .map(s -> new SourceEntry(s.energySourceId(), s.name(), s.unit()))
            .toList(),
        m.tariffId(),
        m.description(),
        m.manufacturer(),
        m.model(),
        m.locationInFactory(),
        m.mqttTopic(),
        m.critical(),
        m.ratedCurrentA(),
        m.ratedVoltageV(),
        m.isActive(),
        m.createdAt(),
        m.updatedAt());
  }
}
