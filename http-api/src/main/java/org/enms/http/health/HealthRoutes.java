package org.enms.http.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.support.JsonSupport;

/**
 * {@code GET /health}: the verdict of each component (database, broker, cluster). The body is
 * always sent; the status is 503 when a component is unhealthy, so load balancers can act on it.
 */
public final class HealthRoutes extends AllDirectives {
  private final List<HealthProbe> probes;
  private final String version;

  public HealthRoutes(List<HealthProbe> probes, String version) {
    this.probes = probes;
    this.version = version;
  }

  public Route routes() {
    return path("health", () -> get(() -> onSuccess(checkAll(), this::respond)));
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
                        .exceptionally(
                            e ->
                                new HealthProbe.Result(
                                    false, new Failure(String.valueOf(e.getMessage()))))
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
              return new HealthResponse(
                  "EnMS",
                  version,
                  HealthResponse.Api.HEALTHY,
                  components,
                  allHealthy ? "healthy" : "degraded",
                  Instant.now());
            });
  }
}
