package org.enms.http.plant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.kpi.PlantDao;
import org.enms.http.cache.ReadCache;
import org.enms.http.error.ApiException;
import org.enms.http.kpi.Kpis;
import org.enms.http.machines.LiveMachines;
import org.enms.http.machines.MachineDirectory;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;
import org.enms.http.timeseries.SeriesQueries;

/**
 * The plant views under {@code /api/v1}, with the original's paths, parameters and fields: {@code
 * /factory/summary}, {@code /stats/system}, {@code /stats/aggregated}, {@code
 * /analytics/top-consumers}, {@code /compare/machines}, {@code /comparison/machines}, {@code
 * /timeseries/sec}, {@code /timeseries/multi-machine/energy}, {@code /timeseries/latest/{id}} and a
 * machine's {@code /energy-types}, {@code /energy-summary} and {@code /energy/{type}}. Unknown
 * query parameters are ignored; a malformed one is a 422, an unknown metric or energy type a 400
 * (as in the original), an unknown machine a 404; all with {@code {"detail": …}}.
 */
public final class PlantRoutes extends AllDirectives {
  private final FactoryViews factory;
  private final Rankings rankings;
  private final MachineEnergy energy;
  private final SeriesViews series;
  private final Clock clock;

  PlantRoutes(
      FactoryViews factory,
      Rankings rankings,
      MachineEnergy energy,
      SeriesViews series,
      Clock clock) {
    this.factory = factory;
    this.rankings = rankings;
    this.energy = energy;
    this.series = series;
    this.clock = clock;
  }

  /**
   * The views over {@code database}'s roll-ups, machine states from {@code live}; the factory
   * summary's priced figures kept in {@code cache} between roll-up refreshes.
   */
  public static PlantRoutes create(
      Database database,
      BlockingIo io,
      MachineDirectory directory,
      LiveMachines live,
      Kpis kpis,
      SeriesQueries timeseries,
      Clock clock,
      ReadCache cache) {
    PlantDao dao = new PlantDao(database, clock);
    MachineSelection machines = new MachineSelection(directory);
    CachedTotals totals = new CachedTotals(dao, io, cache);
    return new PlantRoutes(
        new FactoryViews(dao, io, machines, live, clock, cache),
        new Rankings(dao, io, machines, kpis, totals, clock),
        new MachineEnergy(dao, io, machines, totals, clock),
        new SeriesViews(dao, io, machines, timeseries, clock),
        clock);
  }

  public Route routes() {
    return get(
        () ->
            parameterMap(
                q ->
                    concat(
                        path(PathMatchers.segment("factory").slash("summary"), () -> summary(q)),
                        pathPrefix(
                            "stats",
                            () ->
                                concat(
                                    path("system", () -> reply(factory.system())),
                                    path("aggregated", () -> aggregated(q)))),
                        path(
                            PathMatchers.segment("analytics").slash("top-consumers"),
                            () -> topConsumers(q)),
                        path(PathMatchers.segment("compare").slash("machines"), () -> compare(q)),
                        path(
                            PathMatchers.segment("comparison").slash("machines"),
                            () -> comparison(q)),
                        pathPrefix("timeseries", () -> timeseries(q)),
                        pathPrefix("machines", () -> machineEnergy(q)))));
  }

  private Route summary(Map<String, String> q) {
    return reply(
        factory.summary(
            Optional.ofNullable(q.get("factory_id"))
                .map(v -> QueryParams.uuid("query", "factory_id", v))));
  }

  private Route aggregated(Map<String, String> q) {
    String ids = q.get("machine_ids");
    if (ids == null || ids.isBlank()) {
      throw ApiException.badRequest(
          "machine_ids parameter is required (comma-separated UUIDs or 'all')");
    }
    Instant now = clock.instant();
    Window w = window(q, "start_time", now.minus(Duration.ofDays(1)), "end_time", now);
    return reply(factory.aggregated(ids, ids.trim().equalsIgnoreCase("all"), w));
  }

  private Route topConsumers(Map<String, String> q) {
    Rankings.TopMetric metric = Rankings.TopMetric.of(q.getOrDefault("metric", "energy").trim());
    Instant now = clock.instant();
    Window w = window(q, "start_time", now.truncatedTo(ChronoUnit.DAYS), "end_time", now);
    int limit = integer(q, "limit", 5, 1, 20);
    return reply(rankings.top(metric, w, limit));
  }

  private Route compare(Map<String, String> q) {
    Rankings.CompareMetric metric =
        Rankings.CompareMetric.of(q.getOrDefault("metric", "energy").trim());
    Window w = window(q, "start_time", required(q, "start_time"), "end_time", null);
    return reply(rankings.compare(Optional.ofNullable(q.get("machine_ids")), metric, w));
  }

  private Route comparison(Map<String, String> q) {
    String ids = q.get("machine_ids");
    if (ids == null || ids.isBlank()) {
      throw ApiException.badRequest("Please provide between 2 and 5 machine IDs");
    }
    Instant now = clock.instant();
    Window w = window(q, "start_date", now.minus(Duration.ofDays(30)), "end_date", now);
    Optional<Double> rate =
        Optional.ofNullable(q.get("energy_cost_per_kwh"))
            .map(v -> number("energy_cost_per_kwh", v));
    return reply(rankings.comparison(ids, w, rate));
  }

  private Route timeseries(Map<String, String> q) {
    return concat(
        path(
            "sec",
            () -> {
              String machine = requiredText(q, "machine_id");
              Window w = window(q, "start_time", required(q, "start_time"), "end_time", null);
              return reply(series.sec(machine, w, q.getOrDefault("interval", "1day")));
            }),
        path(
            PathMatchers.segment("multi-machine").slash("energy"),
            () -> {
              String ids = requiredText(q, "machine_ids");
              Window w = window(q, "start_time", required(q, "start_time"), "end_time", null);
              return reply(series.energy(ids, w, q.getOrDefault("interval", "1hour")));
            }),
        path(
            PathMatchers.segment("latest").slash(PathMatchers.segment()),
            id -> reply(series.latest(id))));
  }

  private Route machineEnergy(Map<String, String> q) {
    return pathPrefix(
        PathMatchers.segment(),
        id ->
            concat(
                path(
                    "energy-types", () -> reply(energy.types(id, integer(q, "hours", 24, 1, 168)))),
                path(
                    "energy-summary",
                    () -> {
                      Instant now = clock.instant();
                      Window w =
                          window(q, "start_time", now.minus(Duration.ofHours(24)), "end_time", now);
                      return reply(energy.summary(id, w));
                    }),
                path(
                    PathMatchers.segment("energy").slash(PathMatchers.segment()),
                    type ->
                        reply(
                            energy.readings(
                                id,
                                type,
                                integer(q, "limit", 100, 1, 1000),
                                QueryParams.bool(
                                        "include_metadata",
                                        Optional.ofNullable(q.get("include_metadata")))
                                    .orElse(true))))));
  }

  private <T> Route reply(CompletionStage<T> body) {
    return onSuccess(body, b -> completeOK(b, JsonSupport.json()));
  }

  /**
   * {@code [start, end)} from the two parameters; a missing one takes its default ({@code
   * defaultEnd} null: now).
   */
  private Window window(
      Map<String, String> q,
      String startName,
      Instant defaultStart,
      String endName,
      Instant defaultEnd) {
    return Window.of(
        startName,
        Optional.ofNullable(q.get(startName)),
        defaultStart,
        endName,
        Optional.ofNullable(q.get(endName)),
        defaultEnd == null ? clock.instant() : defaultEnd);
  }

  /** A required timestamp parameter, parsed; 422 when missing. */
  private static Instant required(Map<String, String> q, String name) {
    return QueryParams.instant(name, requiredText(q, name));
  }

  private static String requiredText(Map<String, String> q, String name) {
    String v = q.get(name);
    if (v == null || v.isBlank()) {
      throw ApiException.invalidParameter("query", name, "field required");
    }
    return v;
  }

  private static int integer(Map<String, String> q, String name, int fallback, int min, int max) {
    String v = q.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min || n > max) {
        throw ApiException.invalidParameter(
            "query", name, "ensure this value is between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("query", name, "value is not a valid integer");
    }
  }

  private static double number(String name, String v) {
    try {
      double d = Double.parseDouble(v.trim());
      if (Double.isFinite(d) && d >= 0) {
        return d;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalidParameter("query", name, "value is not a valid non-negative float");
  }
}
