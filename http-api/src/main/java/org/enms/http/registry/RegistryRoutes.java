package org.enms.http.registry;

import java.time.Clock;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The plant registry under {@code /api/v1}: factories, machine writes, energy sources, SEUs and
 * tariffs. Every write route of these resources sits inside {@link WriteAccess}, so an
 * operator/admin role check can wrap them all in one place once authentication exists; reads stay
 * open.
 */
public final class RegistryRoutes extends AllDirectives {
  private final FactoryRoutes factories;
  private final MachineRegistryRoutes machines;
  private final EnergySourceRoutes energySources;
  private final SeuRoutes seus;
  private final TariffRoutes tariffs;

  public RegistryRoutes(
      FactoryRegistry factories,
      MachineRegistry machines,
      EnergySourceRegistry energySources,
      SeuRegistry seus,
      TariffRegistry tariffs,
      RegistryChanged changed,
      WriteAccess access,
      Clock clock) {
    RegistryReplies replies = new RegistryReplies(changed);
    this.factories = new FactoryRoutes(factories, replies, access);
    this.machines = new MachineRegistryRoutes(machines, replies, access);
    this.energySources = new EnergySourceRoutes(energySources, replies, access);
    this.seus = new SeuRoutes(seus, replies, access, clock);
    this.tariffs = new TariffRoutes(tariffs, replies, access);
  }

  /** Routes relative to {@code /api/v1}. */
  public Route routes() {
    return concat(
        factories.routes(),
        machines.routes(),
        energySources.routes(),
        seus.routes(),
        tariffs.routes());
  }
}
