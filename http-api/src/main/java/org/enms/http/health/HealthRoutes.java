package org.enms.http.health;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.support.JsonSupport;

/**
 * Health in three forms, from the same probes (database, broker, cluster, ingest):
 *
 * <ul>
 *   <li>{@code GET /health} and {@code GET /health/ready}: 503 when a component is unhealthy, so
 *       load balancers and orchestrators stop sending traffic; the body says which and why.
 *   <li>{@code GET /health/live}: 200 while the process answers, so an orchestrator restarts it
 *       only when it is really stuck, never because the database is away.
 *   <li>{@code GET /api/v1/health}: the original API's, always 200 with {@code status} healthy or
 *       degraded. The voice client retries a 5xx three times and then runs out of its 20-s budget,
 *       so a degraded plant must be answered, not failed.
 * </ul>
 *
 * Each probe has {@link #PROBE_TIMEOUT} to answer; one that does not is unhealthy.
 */
public final class HealthRoutes extends AllDirectives {
  private final List<HealthProbe> probes;
  private final String version;

  public HealthRoutes(List<HealthProbe> probes, String version) {
    this.probes = probes;
    this.version = version;
  }

  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  /** Liveness: the process answers. */
  record Liveness(String status, String version) {}

  /** {@code /health}, {@code /health/ready} and {@code /health/live}. */
  public Route routes() {
    return pathPrefix(
        "health",
        () ->
            concat(
                pathEndOrSingleSlash(() -> get(() -> onSuccess(checkAll(), this::respond))),
                path("ready", () -> get(() -> onSuccess(checkAll(), this::respond))),
                path(
                    "live",
                    () ->
                        get(
                            () ->
                                complete(
                                    StatusCodes.OK,
                                    new Liveness("alive", version),
                                    JsonSupport.json())))));
  }

  /** {@code /health} under {@code /api/v1}: always 200, in the original's shape. */
  public Route v1Routes() {
    return path(
        "health",
        () ->
            get(
                () ->
                    onSuccess(
                        checkAll(), body -> complete(StatusCodes.OK, body, JsonSupport.json()))));
  }

  private Route respond(HealthResponse body) {
    return complete(
        body.healthy() ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE,
        body,
        JsonSupport.json());
  }

  /** What a probe that failed to answer shows. */
  record Failure(String error) {}

  private CompletionStage<HealthResponse> checkAll() {
    List<CompletableFuture<Map.Entry<String, HealthProbe.Result>>> checks =
        probes.stream()
            .map(
                p ->
                    p.check()
                        .toCompletableFuture()
                        .orTimeout(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .exceptionally(
                            e ->
                                HealthProbe.Result.unhealthy(
                                    new Failure(String.valueOf(e.getMessage())),
                                    e instanceof TimeoutException
                                            || e.getCause() instanceof TimeoutException
                                        ? "no answer within " + PROBE_TIMEOUT.toSeconds() + " s"
                                        : "the check failed: " + e.getMessage()))
                        .thenApply(r -> Map.entry(p.name(), r))
                        .toCompletableFuture())
            .toList();
    return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
        .thenApply(
            ignored -> {
              List<Map.Entry<String, HealthProbe.Result>> results =
                  checks.stream().map(CompletableFuture::join).toList();
              Map<String, HealthResponse.Component> components =
                  results.stream()
                      .collect(
                          Collectors.toMap(
                              Map.Entry::getKey,
                              r -> HealthResponse.Component.of(r.getValue()),
                              (first, last) -> last,
                              LinkedHashMap::new));
              boolean allHealthy = results.stream().allMatch(r -> r.getValue().healthy());
              List<String> reasons =
                  results.stream()
                      .filter(r -> !r.getValue().healthy())
                      .map(
                          r ->
                              r.getKey()
                                  + ": "
                                  + (r.getValue().reason() == null
                                      ? "unhealthy"
                                      : r.getValue().reason()))
                      .toList();
              return new HealthResponse(
                  "EnMS",
                  version,
                  HealthResponse.Api.HEALTHY,
                  components,
                  allHealthy ? "healthy" : "degraded",
                  reasons,
                  Instant.now());
            });
  }
}
