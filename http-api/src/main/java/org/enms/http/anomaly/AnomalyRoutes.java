package org.enms.http.anomaly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonBody;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;

/**
 * {@code /api/v1/anomaly}: batch detection against the machine's active baseline over any stored
 * period (idempotent: re-running stores nothing new), and the recent, active and search lists with
 * the original's parameters and fields. Unknown query parameters are ignored, as FastAPI does.
 */
public final class AnomalyRoutes extends AllDirectives {
  private static final Set<String> SEVERITIES = Set.of("critical", "warning", "normal", "info");
  private static final int ACTIVE_LIMIT = 500;

  private final AnomalyService anomalies;
  private final Clock clock;

  public AnomalyRoutes(AnomalyService anomalies, Clock clock) {
    this.anomalies = anomalies;
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix(
        "anomaly",
        () ->
            concat(
                path("detect", () -> post(this::detect)),
                path("recent", () -> get(this::recent)),
                path("active", () -> get(this::active)),
                path("search", () -> get(this::search))));
  }

  private Route detect() {
    return entity(
        Unmarshaller.entityToString(),
        text -> {
          JsonBody body = JsonBody.parse(text);
          UUID machine = body.uuid("machine_id", null);
          if (!body.has("machine_id")) {
            body.name("machine_id", null);
          }
          Instant start = instant(body, "start");
          Instant end = instant(body, "end");
          Double contamination = body.number("contamination", 0.1, 0.0);
          if (contamination != null && contamination > 0.5) {
            body.invalid("contamination", "ensure this value is less than or equal to 0.5", null);
          }
          body.bool("use_baseline", true);
          body.check();
          if (!end.isAfter(start)) {
            throw ApiException.badRequest("end must be after start");
          }
          return onSuccess(
              anomalies.detect(machine, start, end),
              r -> completeOK(detection(r, contamination), JsonSupport.json()));
        });
  }

  private static Map<String, Object> detection(DetectionResult r, Double contamination) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("machine_id", r.machineId());
    b.put("machine_name", r.machineName());
    Map<String, Object> period = new LinkedHashMap<>();
    period.put("start", r.start());
    period.put("end", r.end());
    b.put("detection_period", period);
    b.put("baseline_model_version", r.baselineModelVersion());
    b.put("total_data_points", r.totalDataPoints());
    b.put("anomalies_detected", r.anomaliesDetected());
    b.put("anomalies_saved", r.anomaliesSaved());
    // Accepted for compatibility; residual thresholds (2σ/3σ, CUSUM) replace the forest's share.
    b.put("contamination", contamination);
    b.put("detection_method", "baseline_residual_zscore+cusum");
    b.put("anomalies", r.anomalies().stream().map(AnomalyRoutes::view).toList());
    return b;
  }

  private Route recent() {
    return filters(
        "start_time",
        "end_time",
        200,
        50,
        (q) -> {
          Instant now = clock.instant();
          Instant end = q.end.orElse(now);
          Instant start = q.start.orElse(end.minus(Duration.ofDays(7)));
          return list(
              q,
              Optional.of(start),
              Optional.of(end),
              Optional.empty(),
              false,
              filters -> {
                filters.put("start_time", start);
                filters.put("end_time", end);
                filters.put("time_window", describe(Duration.between(start, end)));
              });
        });
  }

  private Route search() {
    return filters(
        "start_date",
        "end_date",
        500,
        100,
        q ->
            parameterOptional(
                "is_resolved",
                resolvedText -> {
                  Optional<Boolean> resolved = QueryParams.bool("is_resolved", resolvedText);
                  Instant now = clock.instant();
                  Instant start;
                  Instant end;
                  if (q.start.isPresent()) {
                    start = q.start.get();
                    end = q.end.orElse(now);
                  } else {
                    end = q.end.orElse(now);
                    start = end.minus(Duration.ofDays(30));
                  }
                  return list(
                      q,
                      Optional.of(start),
                      Optional.of(end),
                      resolved,
                      false,
                      filters -> {
                        filters.put("start_date", start);
                        filters.put("end_date", end);
                        filters.put("is_resolved", resolved.orElse(null));
                      });
                }));
  }

  private Route active() {
    return parameterOptional(
        "machine_id",
        machineText -> {
          Optional<UUID> machine = machineText.map(m -> QueryParams.uuid("query", "machine_id", m));
          return onSuccess(
              anomalies.find(
                  machine,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(false),
                  ACTIVE_LIMIT,
                  true),
              found -> {
                Map<String, Object> bySeverity = new LinkedHashMap<>();
                bySeverity.put("critical", count(found, "critical"));
                bySeverity.put("warning", count(found, "warning"));
                // "info" cannot be stored (severity is normal/warning/critical); kept for clients.
                bySeverity.put("info", 0);
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("total_count", found.size());
                b.put("by_severity", bySeverity);
                b.put("anomalies", found.stream().map(AnomalyRoutes::view).toList());
                return completeOK(b, JsonSupport.json());
              });
        });
  }

  /** The common parameters: machine, severity, a period under the given names, and a limit. */
  private record Query(
      Optional<UUID> machine,
      Optional<String> severity,
      Optional<Instant> start,
      Optional<Instant> end,
      int limit) {}

  private Route filters(
      String startName,
      String endName,
      int maxLimit,
      int defaultLimit,
      Function<Query, Route> inner) {
    return parameterOptional(
        "machine_id",
        machineText ->
            parameterOptional(
                "severity",
                severityText ->
                    parameterOptional(
                        startName,
                        startText ->
                            parameterOptional(
                                endName,
                                endText ->
                                    parameterOptional(
                                        "limit",
                                        limitText ->
                                            inner.apply(
                                                new Query(
                                                    machineText.map(
                                                        m ->
                                                            QueryParams.uuid(
                                                                "query", "machine_id", m)),
                                                    severity(severityText),
                                                    startText.map(
                                                        t -> QueryParams.instant(startName, t)),
                                                    endText.map(
                                                        t -> QueryParams.instant(endName, t)),
                                                    limit(limitText, maxLimit, defaultLimit))))))));
  }

  private Route list(
      Query q,
      Optional<Instant> start,
      Optional<Instant> end,
      Optional<Boolean> resolved,
      boolean severityFirst,
      java.util.function.Consumer<Map<String, Object>> period) {
    return onSuccess(
        anomalies.find(q.machine, q.severity, start, end, resolved, q.limit, severityFirst),
        found -> {
          Map<String, Object> filters = new LinkedHashMap<>();
          filters.put("machine_id", q.machine.orElse(null));
          filters.put("severity", q.severity.orElse(null));
          period.accept(filters);
          filters.put("limit", q.limit);
          Map<String, Object> b = new LinkedHashMap<>();
          b.put("total_count", found.size());
          b.put("filters", filters);
          b.put("anomalies", found.stream().map(AnomalyRoutes::view).toList());
          return completeOK(b, JsonSupport.json());
        });
  }

  private static Optional<String> severity(Optional<String> text) {
    return text.filter(s -> !s.isBlank())
        .map(
            s -> {
              if (!SEVERITIES.contains(s)) {
                throw ApiException.invalidParameter(
                    "query", "severity", "severity must be one of critical, warning, normal, info");
              }
              return s;
            });
  }

  private static int limit(Optional<String> text, int max, int fallback) {
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(text.get().trim());
      if (limit < 1 || limit > max) {
        throw ApiException.invalidParameter(
            "query", "limit", "ensure this value is between 1 and " + max);
      }
      return limit;
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("query", "limit", "value is not a valid integer");
    }
  }

  private static long count(List<AnomalyView> found, String severity) {
    return found.stream().filter(a -> severity.equals(a.severity())).count();
  }

  private static String describe(Duration d) {
    long hours = d.toHours();
    return hours % 24 == 0 ? hours / 24 + " days" : hours + " hours";
  }

  static Map<String, Object> view(AnomalyView a) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("id", a.id());
    b.put("machine_id", a.machineId());
    b.put("machine_name", a.machineName());
    b.put("machine_type", a.machineType());
    b.put("detected_at", a.detectedAt());
    b.put("anomaly_type", a.anomalyType());
    b.put("severity", a.severity());
    b.put("metric_name", a.metricName());
    b.put("metric_value", a.metricValue());
    b.put("expected_value", a.expectedValue());
    b.put("deviation_percent", a.deviationPercent());
    b.put("deviation_std_dev", a.deviationStdDev());
    b.put("detection_method", a.detectionMethod());
    b.put("confidence_score", a.confidenceScore());
    b.put("is_resolved", a.isResolved());
    b.put("resolved_at", a.resolvedAt());
    b.put("resolution_notes", a.resolutionNotes());
    return b;
  }

  private static Instant instant(JsonBody body, String field) {
    String text = body.name(field, null);
    if (text == null) {
      return null;
    }
    try {
      return QueryParams.instant(field, text);
    } catch (ApiException e) {
      return body.invalid(field, "invalid datetime format", null);
    }
  }
}
