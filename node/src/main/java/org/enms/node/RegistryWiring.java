package org.enms.node;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Predicate;
import org.enms.db.Database;
import org.enms.db.registry.EnergySourceDao;
import org.enms.db.registry.FactoryDao;
import org.enms.db.registry.MachineRegistryDao;
import org.enms.db.registry.SeuDao;
import org.enms.http.routes.RegistryRoutes;
import org.enms.http.routes.WriteAccess;
import org.enms.node.adapters.AutoRegistration;
import org.enms.node.adapters.BlockingIo;
import org.enms.node.adapters.DbEnergySourceRegistry;
import org.enms.node.adapters.DbFactoryRegistry;
import org.enms.node.adapters.DbMachineRegistry;
import org.enms.node.adapters.DbSeuRegistry;
import org.enms.node.adapters.MachineCatalog;
import org.enms.node.adapters.UnknownMachinePolicy;

/**
 * Wires the plant registry: its API routes over the DAOs, ingest's catalogue refreshed after every
 * write on this node and, through {@link RegistryChanges}, on every other node (so a machine added
 * at run time is accepted from its next reading wherever it lands), and the unknown-machine policy.
 * No authentication exists yet, so writes are {@link WriteAccess#OPEN}.
 */
final class RegistryWiring {
  private RegistryWiring() {}

  static RegistryRoutes routes(
      Database database, BlockingIo io, MachineCatalog catalog, RegistryChanges changes) {
    FactoryDao factories = new FactoryDao(database);
    EnergySourceDao sources = new EnergySourceDao(database);
    return new RegistryRoutes(
        new DbFactoryRegistry(factories, io),
        new DbMachineRegistry(new MachineRegistryDao(database), factories, sources, io),
        new DbEnergySourceRegistry(sources, io),
        new DbSeuRegistry(new SeuDao(database), sources, io),
        // This node reloads before it answers; the others as soon as the broadcast reaches them.
        () ->
            catalog
                .refresh(io)
                .thenApply(
                    active -> {
                      changes.publish();
                      return null;
                    }),
        WriteAccess.OPEN,
        Clock.systemUTC());
  }

  /**
   * What the validator accepts: active machines, or under {@code register} every machine that is
   * not deactivated (the store registers the unknown ones).
   */
  static Predicate<UUID> acceptedMachines(UnknownMachinePolicy policy, MachineCatalog catalog) {
    return policy.registers() ? id -> !catalog.deactivated(id) : catalog;
  }

  /** The store's registration of unknown machines; null under {@code reject}. */
  static AutoRegistration autoRegistration(
      UnknownMachinePolicy policy, Database database, MachineCatalog catalog) {
    return policy.registers()
        ? new AutoRegistration(new MachineRegistryDao(database), catalog, policy.factory())
        : null;
  }
}
