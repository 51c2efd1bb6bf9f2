package org.enms.http.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.db.BlockingIo;
import org.enms.db.registry.EnergySourceDao;
import org.enms.db.registry.EnergySourceDraft;
import org.enms.db.registry.EnergySourceRecord;

/** The API's energy-source registry over {@link EnergySourceDao}. */
public final class DbEnergySourceRegistry implements EnergySourceRegistry {
  private final EnergySourceDao sources;
  private final BlockingIo io;

  public DbEnergySourceRegistry(EnergySourceDao sources, BlockingIo io) {
    this.sources = sources;
    this.io = io;
  }

  @Override
  public CompletionStage<List<Entry>> list(Optional<Boolean> active) {
    return io.call(() -> sources.list(active).stream().map(DbEnergySourceRegistry::entry).toList());
  }

  @Override
  public CompletionStage<Optional<Entry>> find(String key) {
    return io.call(
        () -> {
          Optional<EnergySourceRecord> byId = asUuid(key).flatMap(sources::byId);
          return (byId.isPresent() ? byId : sources.byName(key)).map(DbEnergySourceRegistry::entry);
        });
  }

  @Override
  public CompletionStage<Entry> create(UUID id, Input input) {
    return RegistryCalls.call(io, () -> entry(sources.create(id, draft(input))));
  }

  @Override
  public CompletionStage<Optional<Entry>> update(UUID id, Input input) {
    return RegistryCalls.call(
        io, () -> sources.update(id, draft(input)).map(DbEnergySourceRegistry::entry));
  }

  @Override
  public CompletionStage<Optional<Entry>> setActive(UUID id, boolean active) {
    return RegistryCalls.call(
        io, () -> sources.setActive(id, active).map(DbEnergySourceRegistry::entry));
  }

  private static Optional<UUID> asUuid(String key) {
    try {
      return Optional.of(UUID.fromString(key));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static EnergySourceDraft draft(Input in) {
    return new EnergySourceDraft(
        in.name(), in.unit(), in.costPerUnit(), in.carbonFactor(), in.description());
  }

  private static Entry entry(EnergySourceRecord s) {
    return new Entry(
        s.id(),
        s.name(),
        s.unit(),
        s.costPerUnit(),
        s.carbonFactor(),
        s.description(),
        s.isActive(),
        s.createdAt(),
        s.updatedAt());
  }
}
