package org.enms.http.machines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.HttpSettings;
import org.enms.http.anomaly.AnomalyQueries;
import org.enms.http.anomaly.AnomalySummary;
import org.enms.http.error.ApiException;
import org.enms.http.kpi.EnergyCosts;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;

/**
 * {@code /api/v1/machines}: the list (bare JSON array, as the voice client expects), one machine by
 * id, the live status by (partial) name, and what a machine's entity expects it to draw ({@code
 * /{id}/expected}). Live fields come from the machine's entity, never from a table scan.
 */
public final class MachineRoutes extends AllDirectives {
  private final MachineDirectory directory;
  private final LiveMachines live;
  private final AnomalyQueries anomalies;
  private final EnergyCosts costs;
  private final Clock clock;

  /** Costs today's energy at one flat rate ({@code settings}' default), without tariffs. */
  public MachineRoutes(
      MachineDirectory directory,
      LiveMachines live,
      AnomalyQueries anomalies,
      HttpSettings settings,
      Clock clock) {
    this(directory, live, anomalies, EnergyCosts.flat(settings.defaultEnergyRateUsd()), clock);
  }

  /** {@code costs}: today's cost from the priced intervals (the tariffs in force). */
  public MachineRoutes(
      MachineDirectory directory,
      LiveMachines live,
      AnomalyQueries anomalies,
      EnergyCosts costs,
      Clock clock) {
    this.directory = directory;
    this.live = live;
    this.anomalies = anomalies;
    this.costs = costs;
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix(
        "machines",
        () ->
            concat(
                pathEndOrSingleSlash(() -> get(this::list)),
                path(
                    PathMatchers.segment("status").slash(PathMatchers.segment()),
                    this::statusByName),
                path(PathMatchers.segment().slash("expected"), this::expected),
                path(PathMatchers.segment(), this::byId)));
  }

  private Route list() {
    return parameterOptional(
        "search",
        search ->
            parameterOptional(
                "is_active",
                active ->
                    onSuccess(
                        directory.list(
                            search.filter(s -> !s.isBlank()),
                            QueryParams.bool("is_active", active)),
                        machines -> completeOK(machines, JsonSupport.json()))));
  }

  private Route byId(String id) {
    return get(
        () ->
            onSuccess(
                directory.byId(QueryParams.uuid("path", "machine_id", id)),
                machine ->
                    completeOK(
                        machine.orElseThrow(() -> ApiException.notFound("Machine not found")),
                        JsonSupport.json())));
  }

  /**
   * The expectation the machine's entity scores readings against, now or {@code at}: read-only, so
   * that a retrained baseline can be seen to reach the live entity.
   */
  private Route expected(String id) {
    return get(
        () ->
            parameterOptional(
                "at",
                atParam -> {
                  UUID machineId = QueryParams.uuid("path", "machine_id", id);
                  Instant at =
                      atParam.map(v -> QueryParams.instant("at", v)).orElseGet(clock::instant);
                  return onSuccess(
                      directory
                          .byId(machineId)
                          .thenCompose(
                              machine -> {
                                MachineSummary m =
                                    machine.orElseThrow(
                                        () -> ApiException.notFound("Machine not found"));
                                return live.expected(machineId, at)
                                    .thenApply(e -> ExpectedResponse.of(m, at, e));
                              }),
                      body -> completeOK(body, JsonSupport.json()));
                }));
  }

  private Route statusByName(String name) {
    return get(
        () ->
            onSuccess(
                resolveByName(name).thenCompose(this::status),
                body -> completeOK(body, JsonSupport.json())));
  }

  /**
   * The original matches a case-insensitive substring and refuses ambiguity with a 400. An exact
   * name wins over longer names that contain it, so "Compressor-1" never becomes ambiguous.
   */
  private CompletionStage<MachineSummary> resolveByName(String name) {
    return directory
        .list(Optional.of(name), Optional.empty())
        .thenApply(
            matches -> {
              Optional<MachineSummary> exact =
                  matches.stream().filter(m -> m.name().equalsIgnoreCase(name)).findFirst();
              if (exact.isPresent()) {
                return exact.get();
              }
              if (matches.isEmpty()) {
                throw ApiException.notFound("Machine '" + name + "' not found");
              }
              if (matches.size() > 1) {
                throw ApiException.badRequest(
                    "Multiple machines match '"
                        + name
                        + "': "
                        + String.join(", ", matches.stream().map(MachineSummary::name).toList())
                        + ". Please be more specific.");
              }
              return matches.get(0);
            });
  }

  private CompletionStage<MachineStatusResponse> status(MachineSummary machine) {
    Instant now = clock.instant();
    Instant midnight =
        LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
    double hoursToday = Math.max(1e-9, (now.toEpochMilli() - midnight.toEpochMilli()) / 3.6e6);
    CompletionStage<LiveStatus> state = live.status(machine.id());
    CompletionStage<Double> costToday =
        state.thenCompose(s -> costs.electricitySince(machine.id(), midnight, s.todayEnergyKwh()));
    return state
        .thenCombine(anomalies.since(machine.id(), now.minusSeconds(24 * 3600)), Today::new)
        .thenCombine(
            costToday,
            (today, cost) ->
                new MachineStatusResponse(
                    machine.id(),
                    machine.name(),
                    machine.type().toLowerCase(Locale.ROOT),
                    machine.factoryLocation(),
                    machine.isActive(),
                    MachineStatusResponse.CurrentStatus.of(today.state()),
                    MachineStatusResponse.TodayStats.of(today.state(), cost, hoursToday),
                    MachineStatusResponse.RecentAnomalies.of(today.recent()),
                    MachineStatusResponse.ProductionToday.of(today.state()),
                    clock.instant()));
  }

  /** A machine's live state and its last day's anomalies. */
  private record Today(LiveStatus state, AnomalySummary recent) {}
}
