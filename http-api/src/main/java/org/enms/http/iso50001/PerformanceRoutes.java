package org.enms.http.iso50001;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.RequestBodies;

/**
 * {@code /api/v1/performance}: the voice client's daily SEU analysis ({@code voice_summary}), the
 * factory's saving opportunities and the engine's health, with the original's fields.
 */
public final class PerformanceRoutes extends AllDirectives {
  private final PerformanceEngine engine;
  private final HealthCheck health;
  private final Clock clock;

  /** Whether the engine can read its data (a trivial database query). */
  @FunctionalInterface
  interface HealthCheck {
    CompletionStage<Boolean> up();
  }

  PerformanceRoutes(PerformanceEngine engine, HealthCheck health, Clock clock) {
    this.engine = engine;
    this.health = health;
    this.clock = clock;
  }

  /** {@code GET /performance/health}. */
  public record Health(
      String status,
      String service,
      String version,
      Map<String, Boolean> features,
      java.time.Instant timestamp) {}

  public Route routes() {
    return pathPrefix(
        "performance",
        () ->
            concat(
                path(
                    "analyze",
                    () ->
                        post(
                            () ->
                                RequestBodies.body(
                                    AnalyzeRequest.class, r -> ok(engine.analyze(r))))),
                path(
                    "opportunities",
                    () ->
                        get(
                            () ->
                                parameter(
                                    "factory_id",
                                    factory ->
                                        parameterOptional(
                                            "period",
                                            period ->
                                                ok(
                                                    engine.opportunities(
                                                        Iso50001Routes.uuid(
                                                            "query", "factory_id", factory),
                                                        period.orElse("week"))))))),
                path("health", () -> get(() -> ok(health())))));
  }

  private CompletionStage<Health> health() {
    return health
        .up()
        .exceptionally(e -> false)
        .thenApply(
            up ->
                new Health(
                    up ? "healthy" : "degraded",
                    "EnMS Energy Performance Engine",
                    "1.0",
                    Map.of(
                        "performance_analysis", up,
                        "opportunity_detection", up,
                        "seu_baselines", up,
                        "enpi_tracking", up,
                        "cusum", up,
                        "action_plans", up),
                    clock.instant()));
  }

  private <T> Route ok(CompletionStage<T> response) {
    return onSuccess(response, body -> completeOK(body, JsonSupport.json()));
  }
}
