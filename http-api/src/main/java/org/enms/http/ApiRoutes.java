package org.enms.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.error.ErrorHandling;
import org.enms.http.health.HealthRoutes;
import org.enms.http.machines.MachineRoutes;
import org.enms.http.metrics.MetricsRoutes;
import org.enms.http.ovos.OvosAliases;
import org.enms.http.registry.RegistryRoutes;
import org.enms.http.security.SecurityLayer;
import org.enms.http.timeseries.TimeseriesRoutes;

/** Composes every resource's routes under their prefixes, inside the one error handler. */
public final class ApiRoutes extends AllDirectives {
  private final HealthRoutes health;
  private final MetricsRoutes metrics;
  private final MachineRoutes machines;
  private final TimeseriesRoutes timeseries;
  private final RegistryRoutes registry;
  private final List<Supplier<Route>> extraResources = new ArrayList<>();
  private final List<Supplier<Route>> rootResources = new ArrayList<>();
  private SecurityLayer security;

  public ApiRoutes(
      HealthRoutes health,
      MetricsRoutes metrics,
      MachineRoutes machines,
      TimeseriesRoutes timeseries) {
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
        ? concat(health.v1Routes(), machines.routes(), timeseries.routes())
        : concat(health.v1Routes(), machines.routes(), timeseries.routes(), registry.routes());
  }

  /** Adds a resource's routes under {@code /api/v1}, tried after the ones above. */
  public ApiRoutes with(Supplier<Route> resource) {
    extraResources.add(resource);
    return this;
  }

  /**
   * Adds routes outside {@code /api/v1} (the original's {@code /ws}, the live page), tried after
   * the health and metrics routes.
   */
  public ApiRoutes withRoot(Supplier<Route> resource) {
    rootResources.add(resource);
    return this;
  }

  /**
   * Puts every route, those added later included, inside {@code security}: authentication, roles,
   * rate limit, CORS and the request-size limit.
   */
  public ApiRoutes secured(SecurityLayer security) {
    this.security = security;
    return this;
  }

  private Route v1WithResources() {
    Route[] more = extraResources.stream().map(Supplier::get).toArray(Route[]::new);
    Route v1 = more.length == 0 ? v1() : concat(v1(), more);
    // The original's deprecated /ovos/* aliases answer with the routes they alias.
    return concat(v1, new OvosAliases().routes(v1));
  }

  public Route routes() {
    Route api =
        concat(
            health.routes(),
            metrics.routes(),
            pathPrefix("api", () -> pathPrefix("v1", this::v1WithResources)));
    Route[] more = rootResources.stream().map(Supplier::get).toArray(Route[]::new);
    Route handled = new ErrorHandling().wrap(more.length == 0 ? api : concat(api, more));
    return security == null ? handled : security.wrap(() -> handled);
  }
}
