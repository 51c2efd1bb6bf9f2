package org.enms.http.anomaly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.enms.http.baseline.BaselineErrors;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;
import org.enms.http.support.RequestBodies;

/**
 * {@code /api/v1/anomaly}: batch detection over any stored period, against the machine's active
 * baseline or, without one, with an isolation forest (idempotent: re-running stores nothing new);
 * the recent, active and search lists with the original's parameters and fields; resolving (PUT as
 * the original, or POST) and creating by hand. Unknown query parameters are ignored, as FastAPI
 * does. The service's refusals (unknown machine, no active baseline) are answered by {@link
 * BaselineErrors}.
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
    return handleExceptions(
        BaselineErrors.handler(),
        () ->
            pathPrefix(
                "anomaly",
                () ->
                    concat(
                        path(
                            "detect",
                            () ->
                                post(
                                    () ->
                                        RequestBodies.body(DetectionRequest.class, this::detect))),
                        path("recent", () -> get(this::recent)),
                        path("active", () -> get(this::active)),
                        path("search", () -> get(this::search)),
                        path(
                            "create",
                            () ->
                                post(
                                    () -> RequestBodies.body(CreationRequest.class, this::create))),
                        path(
                            PathMatchers.segment().slash("resolve"),
                            id -> concat(put(() -> resolve(id)), post(() -> resolve(id)))))));
  }

  private Route detect(DetectionRequest body) {
    Instant start = body.from();
    Instant end = body.to();
    if (!end.isAfter(start)) {
      throw ApiException.badRequest("end must be after start");
    }
    return onSuccess(
        anomalies.detect(body.machineId(), start, end, body.contamination(), body.baseline()),
        r -> completeOK(DetectionResponse.of(r, body.contamination()), JsonSupport.json()));
  }

  /** The original answers PUT; POST is accepted as well, as clients of the workflow send it. */
  private Route resolve(String idText) {
    UUID id = QueryParams.uuid("path", "anomaly_id", idText);
    return entity(
        Unmarshaller.entityToString(),
        text -> {
          ResolutionRequest body =
              text.isBlank()
                  ? ResolutionRequest.NONE
                  : RequestBodies.read(text, ResolutionRequest.class);
          Optional<String> notes =
              Optional.ofNullable(body.resolutionNotes()).filter(n -> !n.isBlank());
          return onSuccess(
              anomalies.resolve(id, notes),
              found ->
                  completeOK(
                      ResolvedAnomaly.of(
                          found.orElseThrow(() -> ApiException.notFound("Anomaly not found"))),
                      JsonSupport.json()));
        });
  }

  private Route create(CreationRequest body) {
    return onSuccess(anomalies.create(body), r -> completeOK(r, JsonSupport.json()));
  }

  private Route recent() {
    return filters(
        "start_time",
        "end_time",
        200,
        50,
        q -> {
          Instant now = clock.instant();
          Instant end = q.end.orElse(now);
          Instant start = q.start.orElse(end.minus(Duration.ofDays(7)));
          return list(
              q,
              start,
              end,
              Optional.empty(),
              new AnomalyList.RecentFilters(
                  q.machine.orElse(null),
                  q.severity.orElse(null),
                  start,
                  end,
                  describe(Duration.between(start, end)),
                  q.limit));
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
                      start,
                      end,
                      resolved,
                      new AnomalyList.SearchFilters(
                          q.machine.orElse(null),
                          q.severity.orElse(null),
                          start,
                          end,
                          resolved.orElse(null),
                          q.limit));
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
              found ->
                  completeOK(
                      new ActiveAnomalies(
                          found.size(),
                          new ActiveAnomalies.BySeverity(
                              count(found, "critical"),
                              count(found, "warning"),
                              count(found, "info") + count(found, "normal")),
                          found),
                      JsonSupport.json()));
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
      Query q, Instant start, Instant end, Optional<Boolean> resolved, AnomalyList.Filters echoed) {
    return onSuccess(
        anomalies.find(
            q.machine, q.severity, Optional.of(start), Optional.of(end), resolved, q.limit, false),
        found -> completeOK(new AnomalyList(found.size(), echoed, found), JsonSupport.json()));
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
}
