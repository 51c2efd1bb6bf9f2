package org.enms.http.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.db.BlockingIo;
import org.enms.db.registry.FactoryDao;
import org.enms.db.registry.FactoryDraft;
import org.enms.db.registry.FactoryRecord;

/** The API's factory registry over {@link FactoryDao}. */
public final class DbFactoryRegistry implements FactoryRegistry {
  private final FactoryDao factories;
  private final BlockingIo io;

  public DbFactoryRegistry(FactoryDao factories, BlockingIo io) {
    this.factories = factories;
    this.io = io;
  }

  @Override
  public CompletionStage<List<Entry>> list(Optional<Boolean> active) {
    return io.call(() -> factories.list(active).stream().map(DbFactoryRegistry::entry).toList());
  }

  @Override
  public CompletionStage<Optional<Entry>> byId(UUID id) {
    return io.call(() -> factories.byId(id).map(DbFactoryRegistry::entry));
  }

  @Override
  public CompletionStage<Entry> create(UUID id, Input input) {
    return RegistryCalls.call(io, () -> entry(factories.create(id, draft(input))));
  }

  @Override
  public CompletionStage<Optional<Entry>> update(UUID id, Input input) {
    return RegistryCalls.call(
        io, () -> factories.update(id, draft(input)).map(DbFactoryRegistry::entry));
  }

  @Override
  public CompletionStage<Optional<Entry>> setActive(UUID id, boolean active) {
    return RegistryCalls.call(
        io, () -> factories.setActive(id, active).map(DbFactoryRegistry::entry));
  }

  private static FactoryDraft draft(Input in) {
    return new FactoryDraft(in.name(), in.location(), in.timezone());
  }

  private static Entry entry(FactoryRecord f) {
    return new Entry(
        f.id(),
        f.name(),
        f.location(),
        f.timezone(),
        f.isActive(),
        f.activeMachines(),
        f.createdAt(),
        f.updatedAt());
  }
}
