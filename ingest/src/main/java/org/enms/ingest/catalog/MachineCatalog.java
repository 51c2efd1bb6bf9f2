package org.enms.ingest.catalog;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.enms.db.BlockingIo;
import org.enms.db.MachineDao;

/**
 * The ids ingest accepts: active machines, refreshed from the registry periodically and right after
 * every registry write, so validation is a set lookup on the hot path rather than a query per
 * message. It also knows the deactivated ones, whose data is refused even when unknown machines are
 * registered automatically.
 */
public final class MachineCatalog implements Predicate<UUID> {
  private final MachineDao machines;
  private final AtomicReference<Snapshot> snapshot =
      new AtomicReference<>(new Snapshot(Set.of(), Set.of()));

  /** Active and deactivated ids as read together. */
  private record Snapshot(Set<UUID> active, Set<UUID> inactive) {}

  public MachineCatalog(MachineDao machines) {
    this.machines = machines;
  }

  /** True for an active machine. */
  @Override
  public boolean test(UUID machineId) {
    return snapshot.get().active().contains(machineId);
  }

  /** True for a registered machine that has been deactivated. */
  public boolean deactivated(UUID machineId) {
    return snapshot.get().inactive().contains(machineId);
  }

  /** True for any registered machine, active or not. */
  public boolean registered(UUID machineId) {
    Snapshot s = snapshot.get();
    return s.active().contains(machineId) || s.inactive().contains(machineId);
  }

  /** Active machines whose readings are accepted now. */
  public int activeCount() {
    return snapshot.get().active().size();
  }

  /** Reloads on the blocking dispatcher; completes with the number of active machines. */
  public CompletionStage<Integer> refresh(BlockingIo io) {
    return io.call(this::reload);
  }

  /**
   * Reloads on the calling thread, which must be allowed to block (JDBC). Serialised: periodic,
   * local and broadcast reloads overlap, and a reload that read the registry before a write must
   * not replace one that read it after.
   */
  public synchronized int reload() {
    Set<UUID> active = Set.copyOf(machines.activeIds());
    Set<UUID> inactive = Set.copyOf(machines.inactiveIds());
    snapshot.set(new Snapshot(active, inactive));
    return active.size();
  }
}
