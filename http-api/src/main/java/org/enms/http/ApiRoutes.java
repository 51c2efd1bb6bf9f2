package org.enms.http;

import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.error.ErrorHandling;
import org.enms.http.routes.HealthRoutes;
import org.enms.http.routes.MachineRoutes;
import org.enms.http.routes.MetricsRoutes;
import org.enms.http.routes.RegistryRoutes;
import org.enms.http.routes.TimeseriesRoutes;

/** Composes every resource's routes under their prefixes, inside the one error handler. */
public final class ApiRoutes extends AllDirectives {
  private final HealthRoutes health;
  private final MetricsRoutes metrics;
  private final MachineRoutes machines;
  private final TimeseriesRoutes timeseries;
  private final RegistryRoutes registry;

  public ApiRoutes(
      HealthRoutes health, MetricsRoutes metrics, MachineRoutes machines, TimeseriesRoutes timeseries) {
    this(health, metrics, machines, timeseries, null);
  }

  /** With the plant registry ({@code registry} null: without). */
  public ApiRoutes(
      HealthRoutes health,
      MetricsRoutes metrics,
      MachineRoutes machines,
      TimeseriesRoutes timeseries,
      RegistryRoutes registry) {
    this.health = health;
    this.metrics = metrics;
    this.machines = machines;
    this.timeseries = timeseries;
    this.registry = registry;
  }

  private Route v1() {
    // Machine reads come before the registry's machine writes: both live under /machines.
    return registry == null
        ? concat(machines.routes(), timeseries.routes())
        : concat(machines.routes(), timeseries.routes(), registry.routes());
  }

  public Route routes() {
    return new ErrorHandling()
        .wrap(
            concat(
                health.routes(),
                metrics.routes(),
                pathPrefix("api", () -> pathPrefix("v1", this::v1))));
  }
}
