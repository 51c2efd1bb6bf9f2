package org.enms.http.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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

  private Route respond(Map<String, Object> body) {
    boolean healthy = "healthy".equals(body.get("status"));
    return complete(
        healthy ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE, body, JsonSupport.json());
  }

  private CompletionStage<Map<String, Object>> checkAll() {
    List<CompletableFuture<Map.Entry<String, HealthProbe.Result>>> checks =
        probes.stream()
            .map(
                p ->
                    p.check()
                        .exceptionally(
                            e ->
                                new HealthProbe.Result(
                                    false, Map.of("error", String.valueOf(e.getMessage()))))
                        .thenApply(r -> Map.entry(p.name(), r))
                        .toCompletableFuture())
            .toList();
    return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
        .thenApply(
            ignored -> {
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("service", "EnMS");
              body.put("version", version);
              boolean allHealthy = true;
              body.put("api", Map.of("status", "healthy"));
              for (var check : checks) {
                var entry = check.join();
                Map<String, Object> component = new LinkedHashMap<>();
                component.put("status", entry.getValue().healthy() ? "healthy" : "unhealthy");
                component.putAll(entry.getValue().details());
                body.put(entry.getKey(), component);
                allHealthy &= entry.getValue().healthy();
              }
              body.put("status", allHealthy ? "healthy" : "degraded");
              body.put("timestamp", Instant.now());
              return body;
            });
  }
}
