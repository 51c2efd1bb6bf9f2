package org.enms.http.registry;

import java.time.Clock;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The plant registry under {@code /api/v1}: factories, machine writes, energy sources, SEUs and
 * tariffs. Who may write is decided outside, by the security layer around every route ({@code
 * org.enms.http.security.AccessPolicy}).
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
      Clock clock) {
    RegistryReplies replies = new RegistryReplies(changed);
    this.factories = new FactoryRoutes(factories, replies);
    this.machines = new MachineRegistryRoutes(machines, replies);
    this.energySources = new EnergySourceRoutes(energySources, replies);
    this.seus = new SeuRoutes(seus, replies, clock);
    this.tariffs = new TariffRoutes(tariffs, replies);
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
