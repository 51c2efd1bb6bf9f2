package org.enms.node.adapters;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.enms.db.MachineDao;

/**
 * The ids ingest accepts: active machines, refreshed periodically from the registry so validation
 * is a set lookup on the hot path rather than a query per message.
 */
public final class MachineCatalog implements Predicate<UUID> {
  private final MachineDao machines;
  private final BlockingIo io;
  private final AtomicReference<Set<UUID>> known = new AtomicReference<>(Set.of());

  public MachineCatalog(MachineDao machines, BlockingIo io) {
    this.machines = machines;
    this.io = io;
  }

  @Override
  public boolean test(UUID machineId) {
    return known.get().contains(machineId);
  }

  public CompletionStage<Integer> refresh() {
    return io.call(
        () -> {
          Set<UUID> ids = Set.copyOf(machines.activeIds());
          known.set(ids);
          return ids.size();
        });
  }
}
