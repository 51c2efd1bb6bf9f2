package org.enms.http.kpi;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.analytics.kpi.CostScenarios;
import org.enms.core.reading.EnergyType;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;

/**
 * {@code /api/v1/kpi/*}: the original's paths, parameters ({@code machine_id}, {@code start},
 * {@code end}, required) and fields. Every machine endpoint also takes {@code energy_type} (default
 * {@code electricity}): the KPIs of one energy source, never electricity summed with gas or steam.
 * An unknown machine is a 404; a malformed parameter a 422; an unknown {@code tariff} a 400, as in
 * the original.
 */
public final class KpiRoutes extends AllDirectives {
  private static final Set<String> SCENARIOS = Set.of("standard", "time_of_use", "demand_charge");

  private final Kpis kpis;
  private final Clock clock;

  public KpiRoutes(Kpis kpis, Clock clock) {
    this.kpis = kpis;
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix(
        "kpi",
        () ->
            get(
                () ->
                    concat(
                        path("all", () -> machine(AllKpisResponse::of)),
                        path("sec", () -> machine((r, e, s, t) -> SingleKpiResponses.Sec.of(r))),
                        path(
                            "peak-demand",
                            () -> machine((r, e, s, t) -> SingleKpiResponses.PeakDemand.of(r))),
                        path(
                            "load-factor",
                            () -> machine((r, e, s, t) -> SingleKpiResponses.LoadFactor.of(r))),
                        path(
                            "carbon",
                            () -> machine((r, e, s, t) -> SingleKpiResponses.Carbon.of(r))),
                        path("energy-cost", this::energyCost),
                        path("factories", this::factories),
                        path(
                            PathMatchers.segment("factory").slash(PathMatchers.segment()),
                            this::factory))));
  }

  /** Turns a machine's KPIs into one endpoint's body. */
  @FunctionalInterface
  private interface MachineBody {
    Object of(MachineKpiReport report, String energyType, Instant start, Instant end);
  }

  /** The request of a machine endpoint. */
  private record Query(UUID machine, String energyType, Instant start, Instant end) {}

  private Route machine(MachineBody body) {
    return machineQuery(
        q ->
            onSuccess(
                kpis.machine(q.machine(), q.energyType(), q.start(), q.end()),
                report ->
                    completeOK(
                        body.of(report, q.energyType(), q.start(), q.end()), JsonSupport.json())));
  }

  private Route machineQuery(Function<Query, Route> inner) {
    return parameter(
        "machine_id",
        machineText ->
            period(
                (start, end) ->
                    parameterOptional(
                        "energy_type",
                        type ->
                            inner.apply(
                                new Query(
                                    QueryParams.uuid("query", "machine_id", machineText),
                                    energyType(type),
                                    start,
                                    end)))));
  }

  /** {@code start} and {@code end}, both required, {@code end} after {@code start}. */
  private Route period(java.util.function.BiFunction<Instant, Instant, Route> inner) {
    return parameter(
        "start",
        startText ->
            parameter(
                "end",
                endText -> {
                  Instant start = QueryParams.instant("start", startText);
                  Instant end = QueryParams.instant("end", endText);
                  if (!end.isAfter(start)) {
                    throw ApiException.invalidParameter("query", "end", "end must be after start");
                  }
                  return inner.apply(start, end);
                }));
  }

  private Route energyCost() {
    return machineQuery(q -> parameterMap(params -> scenario(q, Scenario.of(params))));
  }

  /** The what-if tariff asked for, with the original's defaults. */
  private record Scenario(
      String tariff,
      double peakRate,
      double offpeakRate,
      int peakStart,
      int peakEnd,
      double demandRate) {
    static Scenario of(Map<String, String> params) {
      return new Scenario(
          params.getOrDefault("tariff", "standard"),
          number("peak_rate", params, 0.20),
          number("offpeak_rate", params, 0.10),
          hour("peak_hours_start", params, 8),
          hour("peak_hours_end", params, 20),
          number("demand_charge", params, 15.0));
    }
  }

  private Route scenario(Query q, Scenario s) {
    if (!SCENARIOS.contains(s.tariff())) {
      throw ApiException.badRequest(
          "Invalid tariff type. Must be one of: standard, time_of_use, demand_charge");
    }
    if (s.peakStart() >= s.peakEnd()) {
      throw ApiException.badRequest("peak_hours_start must be less than peak_hours_end");
    }
    CompletionStage<Object> body =
        kpis.costBasis(q.machine(), q.energyType(), q.start(), q.end())
            .thenApply(
                basis -> {
                  if (basis.kpis().intervals() == 0) {
                    throw ApiException.notFound(
                        "No energy data found for machine "
                            + q.machine()
                            + " in the specified period");
                  }
                  KpiPeriod period = KpiPeriod.of(q.start(), q.end());
                  double kwh = basis.kpis().totalEnergyKwh();
                  return switch (s.tariff()) {
                    case "time_of_use" ->
                        EnergyCostResponses.TimeOfUse.of(
                            q.machine(),
                            period,
                            s.peakStart(),
                            s.peakEnd(),
                            CostScenarios.timeOfUse(
                                basis.kwhByLocalHour(),
                                s.peakStart(),
                                s.peakEnd(),
                                s.peakRate(),
                                s.offpeakRate()));
                    case "demand_charge" ->
                        EnergyCostResponses.DemandCharge.of(
                            q.machine(),
                            period,
                            CostScenarios.demandCharge(
                                kwh, basis.kpis().peakDemandKw(), s.demandRate()));
                    default ->
                        EnergyCostResponses.Standard.of(
                            q.machine(), period, CostScenarios.standard(kwh));
                  };
                });
    return onSuccess(body, b -> completeOK(b, JsonSupport.json()));
  }

  private Route factory(String id) {
    return period(
        (start, end) ->
            parameterOptional(
                "energy_type",
                type ->
                    onSuccess(
                        kpis.factory(
                            QueryParams.uuid("path", "factory_id", id),
                            energyType(type),
                            start,
                            end),
                        report ->
                            completeOK(
                                FactoryKpisResponse.of(report, start, end, clock.instant()),
                                JsonSupport.json()))));
  }

  private Route factories() {
    return period(
        (start, end) ->
            parameterOptional(
                "energy_type",
                type ->
                    onSuccess(
                        kpis.factories(energyType(type), start, end),
                        reports -> {
                          Instant now = clock.instant();
                          return completeOK(
                              FactoriesKpisResponse.of(
                                  reports.stream()
                                      .map(r -> FactoryKpisResponse.of(r, start, end, now))
                                      .toList(),
                                  start,
                                  end,
                                  now),
                              JsonSupport.json());
                        })));
  }

  private static String energyType(Optional<String> value) {
    String type = value.map(String::trim).orElse(EnergyType.ELECTRICITY);
    if (type.isEmpty()) {
      throw ApiException.invalidParameter("query", "energy_type", "must not be blank");
    }
    return type;
  }

  private static double number(String name, Map<String, String> params, double fallback) {
    String value = params.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      double v = Double.parseDouble(value.trim());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalidParameter("query", name, "value is not a valid float");
  }

  /** A whole hour of the day, 0 to 23. */
  private static int hour(String name, Map<String, String> params, int fallback) {
    double v = number(name, params, fallback);
    if (v != Math.rint(v)) {
      throw ApiException.invalidParameter("query", name, "value is not a valid integer");
    }
    if (v < 0 || v > 23) {
      throw ApiException.invalidParameter("query", name, "ensure this value is between 0 and 23");
    }
    return (int) v;
  }
}
