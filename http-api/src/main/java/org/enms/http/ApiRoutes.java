package org.enms.http;

import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.error.ErrorHandling;
import org.enms.http.routes.HealthRoutes;
import org.enms.http.routes.MachineRoutes;
import org.enms.http.routes.MetricsRoutes;
import org.enms.http.routes.TimeseriesRoutes;

/** Composes every resource's routes under their prefixes, inside the one error handler. */
public final class ApiRoutes extends AllDirectives {
  private final HealthRoutes health;
  private final MetricsRoutes metrics;
  private final MachineRoutes machines;
  private final TimeseriesRoutes timeseries;

  public ApiRoutes(
      HealthRoutes health, MetricsRoutes metrics, MachineRoutes machines, TimeseriesRoutes timeseries) {
    this.health = health;
    this.metrics = metrics;
    this.machines = machines;
    this.timeseries = timeseries;
  }

  public Route routes() {
    return new ErrorHandling()
        .wrap(
            concat(
                health.routes(),
                metrics.routes(),
                pathPrefix("api", () -> pathPrefix("v1", () -> concat(machines.routes(), timeseries.routes())))));
  }
}
