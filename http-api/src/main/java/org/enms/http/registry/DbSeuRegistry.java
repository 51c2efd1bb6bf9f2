package org.enms.http.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.db.BlockingIo;
import org.enms.db.registry.EnergySourceDao;
import org.enms.db.registry.SeuDao;
import org.enms.db.registry.SeuDraft;
import org.enms.db.registry.SeuRecord;

/** The API's SEU registry over {@link SeuDao}; resolves the energy source by name when asked to. */
public final class DbSeuRegistry implements SeuRegistry {
  private final SeuDao seus;
  private final EnergySourceDao sources;
  private final BlockingIo io;

  public DbSeuRegistry(SeuDao seus, EnergySourceDao sources, BlockingIo io) {
    this.seus = seus;
    this.sources = sources;
    this.io = io;
  }

  @Override
  public CompletionStage<List<Entry>> list(
      Optional<String> energySource, Optional<Boolean> active) {
    return io.call(
        () -> seus.list(energySource, active).stream().map(DbSeuRegistry::entry).toList());
  }

  @Override
  public CompletionStage<Optional<Entry>> byId(UUID id) {
    return io.call(() -> seus.byId(id).map(DbSeuRegistry::entry));
  }

  @Override
  public CompletionStage<List<MachineRef>> machinesOf(UUID id) {
    return io.call(
        () ->
            seus.machinesOf(id).stream()
                .map(m -> new MachineRef(m.id(), m.name(), m.type(), m.ratedPowerKw()))
                .toList());
  }

  @Override
  public CompletionStage<Entry> create(UUID id, Input input) {
    return RegistryCalls.call(io, () -> entry(seus.create(id, draft(input))));
  }

  @Override
  public CompletionStage<Optional<Entry>> update(UUID id, Input input) {
    return RegistryCalls.call(io, () -> seus.update(id, draft(input)).map(DbSeuRegistry::entry));
  }

  @Override
  public CompletionStage<Optional<Entry>> setActive(UUID id, boolean active) {
    return RegistryCalls.call(io, () -> seus.setActive(id, active).map(DbSeuRegistry::entry));
  }

  private SeuDraft draft(Input in) {
    UUID source =
        in.energySourceId() != null
            ? in.energySourceId()
            : sources
                .byName(in.energySourceName())
                .orElseThrow(
                    () ->
                        RegistryCalls.missing(
                            "energy_source", "unknown energy source " + in.energySourceName()))
                .id();
    return new SeuDraft(in.name(), in.description(), source, in.machineIds(), in.baselineYear());
  }

  private static Entry entry(SeuRecord s) {
    return new Entry(
        s.id(),
        s.name(),
        s.description(),
        s.energySourceId(),
        s.energySource(),
        s.unit(),
        s.machineIds(),
        s.baselineYear(),
        s.rSquared(),
        s.isActive(),
        s.createdAt(),
        s.updatedAt());
  }
}
