package org.enms.http.machines;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.db.BlockingIo;
import org.enms.db.MachineDao;
import org.enms.db.MachineRow;

/** The API's machine directory over the registry tables. */
public final class DbMachineDirectory implements MachineDirectory {
  private final MachineDao machines;
  private final BlockingIo io;

  public DbMachineDirectory(MachineDao machines, BlockingIo io) {
    this.machines = machines;
    this.io = io;
  }

  @Override
  public CompletionStage<List<MachineSummary>> list(
      Optional<String> search, Optional<Boolean> active) {
    return io.call(
        () -> machines.list(search, active).stream().map(DbMachineDirectory::summary).toList());
  }

  @Override
  public CompletionStage<Optional<MachineSummary>> byId(UUID id) {
    return io.call(() -> machines.byId(id).map(DbMachineDirectory::summary));
  }

  private static MachineSummary summary(MachineRow r) {
    return new MachineSummary(
        r.id(),
        r.factoryId(),
        r.name(),
        r.type(),
        r.ratedPowerKw(),
        r.isActive(),
        r.factoryName(),
        r.factoryLocation());
  }
}
