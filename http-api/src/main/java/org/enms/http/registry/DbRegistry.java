package org.enms.http.registry;

import java.time.Clock;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.registry.EnergySourceDao;
import org.enms.db.registry.FactoryDao;
import org.enms.db.registry.MachineRegistryDao;
import org.enms.db.registry.SeuDao;
import org.enms.db.registry.TariffDao;
import org.enms.http.kpi.IntervalPricing;

/**
 * The plant registry's routes over its DAOs: factories, machines, energy sources, SEUs and tariffs.
 */
public final class DbRegistry {
  private DbRegistry() {}

  /**
   * @param changed told after every write, before the answer, so a machine created through the API
   *     is accepted from its next reading
   */
  public static RegistryRoutes routes(
      Database database, BlockingIo io, RegistryChanged changed, Clock clock) {
    FactoryDao factories = new FactoryDao(database);
    EnergySourceDao sources = new EnergySourceDao(database);
    return new RegistryRoutes(
        new DbFactoryRegistry(factories, io),
        new DbMachineRegistry(new MachineRegistryDao(database), factories, sources, io),
        new DbEnergySourceRegistry(sources, io),
        new DbSeuRegistry(new SeuDao(database), sources, io),
        new DbTariffRegistry(
            new TariffDao(database), factories, new IntervalPricing(database), io, clock),
        changed,
        clock);
  }
}
