package org.enms.http.machines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.HttpSettings;
import org.enms.http.anomaly.AnomalyQueries;
import org.enms.http.anomaly.AnomalySummary;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;

/**
 * {@code /api/v1/machines}: the list (bare JSON array, as the voice client expects), one machine by
 * id, and the live status by (partial) name. Live fields come from the machine's entity, never from
 * a table scan.
 */
public final class MachineRoutes extends AllDirectives {
  private final MachineDirectory directory;
  private final LiveMachines live;
  private final AnomalyQueries anomalies;
  private final HttpSettings settings;
  private final Clock clock;

  public MachineRoutes(
      MachineDirectory directory,
      LiveMachines live,
      AnomalyQueries anomalies,
      HttpSettings settings,
      Clock clock) {
    this.directory = directory;
    this.live = live;
    this.anomalies = anomalies;
    this.settings = settings;
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

  private Route statusByName(String name) {
    return get(() -> onSuccess(resolveByName(name).thenCompose(this::status), this::ok));
  }

  private Route ok(Map<String, Object> body) {
    return completeOK(body, JsonSupport.json());
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

  private CompletionStage<Map<String, Object>> status(MachineSummary machine) {
    Instant now = clock.instant();
    Instant midnight =
        LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
    return live.status(machine.id())
        .thenCombine(
            anomalies.since(machine.id(), now.minusSeconds(24 * 3600)),
            (status, recent) -> body(machine, status, recent, now, midnight));
  }

  private Map<String, Object> body(
      MachineSummary machine, LiveStatus s, AnomalySummary recent, Instant now, Instant midnight) {
    double hoursToday = Math.max(1e-9, (now.toEpochMilli() - midnight.toEpochMilli()) / 3.6e6);
    Map<String, Object> current = new LinkedHashMap<>();
    current.put("status", s.status());
    current.put("power_kw", JsonSupport.round(s.powerKw(), 3));
    current.put("last_reading", s.lastReading());

    Map<String, Object> today = new LinkedHashMap<>();
    today.put("energy_kwh", JsonSupport.round(s.todayEnergyKwh(), 3));
    today.put(
        "cost_usd", JsonSupport.round(s.todayEnergyKwh() * settings.defaultEnergyRateUsd(), 2));
    today.put("avg_power_kw", JsonSupport.round(s.todayAvgPowerKw(), 3));
    today.put("peak_power_kw", JsonSupport.round(s.todayPeakPowerKw(), 3));
    today.put("uptime_hours", JsonSupport.round(s.uptimeHours(), 2));
    today.put(
        "uptime_percent", JsonSupport.round(Math.min(100, s.uptimeHours() / hoursToday * 100), 1));

    Map<String, Object> anomaliesBody = new LinkedHashMap<>();
    anomaliesBody.put("count", recent.count());
    anomaliesBody.put("critical", recent.critical());
    anomaliesBody.put("warnings", recent.warnings());
    anomaliesBody.put("normal", recent.normal());
    anomaliesBody.put("latest", recent.latest());

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("machine_id", machine.id());
    body.put("machine_name", machine.name());
    body.put("machine_type", machine.type().toLowerCase(Locale.ROOT));
    body.put("location", machine.factoryLocation());
    body.put("is_active", machine.isActive());
    body.put("current_status", current);
    body.put("today_stats", today);
    body.put("recent_anomalies", anomaliesBody);
    body.put("production_today", production(s));
    body.put("timestamp", clock.instant());
    return body;
  }

  private static Map<String, Object> production(LiveStatus s) {
    if (s.unitsProduced() == 0 && s.unitsGood() == 0 && s.unitsBad() == 0) {
      return null;
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("units_produced", s.unitsProduced());
    p.put("units_good", s.unitsGood());
    p.put("units_bad", s.unitsBad());
    p.put(
        "quality_percent",
        s.unitsProduced() == 0
            ? null
            : JsonSupport.round(100.0 * s.unitsGood() / s.unitsProduced(), 2));
    return p;
  }
}
