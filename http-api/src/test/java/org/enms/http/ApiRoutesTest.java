package org.enms.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.enms.core.json.Json;
import org.enms.http.anomaly.AnomalySummary;
import org.enms.http.health.HealthProbe;
import org.enms.http.health.HealthRoutes;
import org.enms.http.machines.LiveStatus;
import org.enms.http.machines.MachineDirectory;
import org.enms.http.machines.MachineRoutes;
import org.enms.http.machines.MachineSummary;
import org.enms.http.metrics.MetricsRoutes;
import org.enms.http.timeseries.SeriesPoint;
import org.enms.http.timeseries.SeriesQueries;
import org.enms.http.timeseries.TimeseriesRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API's contract over a real socket. The ports are in-memory here (storage and entities are
 * tested in their own modules and end to end in the node); what is under test is the HTTP surface:
 * paths, parameters, fields, status codes and the error envelope.
 */
class ApiRoutesTest {
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private static final UUID F1 = UUID.fromString("11111111-1111-1111-1111-111111111111");
  private static final MachineSummary COMPRESSOR =
      machine("c0000000-0000-0000-0000-000000000001", "Compressor-1", "compressor");
  private static final MachineSummary COMPRESSOR_EU =
      machine("c0000000-0000-0000-0000-000000000006", "Compressor-EU-1", "compressor");
  private static final MachineSummary BOILER =
      machine("c0000000-0000-0000-0000-000000000008", "Boiler-1", "boiler");

  private static ActorTestKit testKit;
  private static ServerBinding binding;
  private static final HttpClient client = HttpClient.newHttpClient();

  private static MachineSummary machine(String id, String name, String type) {
    return new MachineSummary(
        UUID.fromString(id),
        F1,
        name,
        type,
        55,
        true,
        "Demo Manufacturing Plant",
        "Silicon Valley, CA");
  }

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create();
    List<MachineSummary> all = List.of(BOILER, COMPRESSOR, COMPRESSOR_EU);
    MachineDirectory directory =
        new MachineDirectory() {
          @Override
          public CompletionStage<List<MachineSummary>> list(
              Optional<String> search, Optional<Boolean> active) {
            return CompletableFuture.completedFuture(
                all.stream()
                    .filter(
                        m ->
                            search
                                .map(s -> m.name().toLowerCase().contains(s.toLowerCase()))
                                .orElse(true))
                    .filter(m -> active.map(a -> m.isActive() == a).orElse(true))
                    .toList());
          }

          @Override
          public CompletionStage<Optional<MachineSummary>> byId(UUID id) {
            return CompletableFuture.completedFuture(
                all.stream().filter(m -> m.id().equals(id)).findFirst());
          }
        };
    SeriesQueries series =
        new SeriesQueries() {
          @Override
          public CompletionStage<List<SeriesPoint>> energy(UUID m, Instant s, Instant e, String i) {
            return CompletableFuture.completedFuture(
                List.of(new SeriesPoint(s, 1.5), new SeriesPoint(s.plusSeconds(3600), 2.25)));
          }

          @Override
          public CompletionStage<List<SeriesPoint>> power(UUID m, Instant s, Instant e, String i) {
            return CompletableFuture.completedFuture(List.of());
          }
        };
    HealthProbe database =
        new HealthProbe() {
          public String name() {
            return "database";
          }

          public CompletionStage<Result> check() {
            return CompletableFuture.completedFuture(new Result(true, Map.of("dialect", "plain")));
          }
        };
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    HttpSettings settings = new HttpSettings("127.0.0.1", 0, 0.15);
    var routes =
        new ApiRoutes(
            new HealthRoutes(List.of(database), "test"),
            new MetricsRoutes(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)),
            new MachineRoutes(
                directory,
                id ->
                    CompletableFuture.completedFuture(
                        new LiveStatus(
                            "running",
                            47.25,
                            NOW.minusSeconds(1),
                            120.0,
                            45.0,
                            52.0,
                            6.0,
                            100,
                            98,
                            2)),
                (id, since) -> CompletableFuture.completedFuture(AnomalySummary.NONE),
                settings,
                clock),
            new TimeseriesRoutes(directory, series));
    binding =
        HttpServer.start(testKit.system(), settings, routes.routes())
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    int port = binding.localAddress().getPort();
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  @Test
  void listsMachinesAsABareArrayOrderedAsGivenWithTheOriginalsFields() throws Exception {
    var r = get("/api/v1/machines?search=compressor&is_active=true");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.isArray()).isTrue();
    assertThat(body).hasSize(2);
    assertThat(body.get(0).get("name").asText()).isEqualTo("Compressor-1");
    assertThat(body.get(0).get("factory_id").asText()).isEqualTo(F1.toString());
    assertThat(body.get(0).has("rated_power_kw")).isTrue();
    assertThat(body.get(0).has("factory_location")).isTrue();
  }

  @Test
  void answersAnUnknownMachineWith404AndTheStandardReasonPhrase() throws Exception {
    var r = get("/api/v1/machines/c0000000-0000-0000-0000-000000000099");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).get("detail").asText()).isEqualTo("Machine not found");
  }

  @Test
  void rejectsAMalformedIdWith422InFastApisShape() throws Exception {
    var r = get("/api/v1/machines/not-a-uuid");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(json(r).get("detail").get(0).get("loc").get(1).asText()).isEqualTo("machine_id");
  }

  @Test
  void resolvesStatusByPartialNameAndPrefersAnExactName() throws Exception {
    var r = get("/api/v1/machines/status/compressor-1");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.get("machine_name").asText()).isEqualTo("Compressor-1");
    assertThat(body.get("current_status").get("status").asText()).isEqualTo("running");
    assertThat(body.get("current_status").get("power_kw").asDouble()).isEqualTo(47.25);
    assertThat(body.get("today_stats").get("energy_kwh").asDouble()).isEqualTo(120.0);
    assertThat(body.get("today_stats").get("cost_usd").asDouble()).isEqualTo(18.0);
    assertThat(body.get("today_stats").get("uptime_hours").asDouble()).isEqualTo(6.0);
    assertThat(body.get("today_stats").get("uptime_percent").asDouble()).isEqualTo(50.0);
    assertThat(body.get("recent_anomalies").get("count").asInt()).isZero();
    assertThat(body.get("production_today").get("quality_percent").asDouble()).isEqualTo(98.0);
  }

  @Test
  void refusesAnAmbiguousNameWith400AndAnUnknownOneWith404() throws Exception {
    var ambiguous = get("/api/v1/machines/status/compressor");
    assertThat(ambiguous.statusCode()).isEqualTo(400);
    assertThat(json(ambiguous).get("detail").asText()).contains("Compressor-1", "Compressor-EU-1");
    var unknown = get("/api/v1/machines/status/turbine");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("detail").asText()).contains("turbine");
  }

  @Test
  void servesEnergySeriesWithTheOriginalsFieldsForBothTimestampForms() throws Exception {
    var r =
        get(
            "/api/v1/timeseries/energy?machine_id="
                + COMPRESSOR.id()
                + "&start_time=2026-11-27T00:00:00Z&end_time=2026-11-27T12%3A00%3A00.123456%2B00%3A00&interval=1hour&hours=5");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.get("metric").asText()).isEqualTo("energy");
    assertThat(body.get("aggregation").asText()).isEqualTo("sum");
    assertThat(body.get("total_points").asInt()).isEqualTo(2);
    assertThat(body.get("data_points").get(1).get("value").asDouble()).isEqualTo(2.25);
    assertThat(body.get("data_points").get(0).get("unit").asText()).isEqualTo("kWh");
  }

  @Test
  void answersAnEmptyPeriodWithNoPointsAndABadIntervalWith422() throws Exception {
    var empty =
        get(
            "/api/v1/timeseries/power?machine_id="
                + COMPRESSOR.id()
                + "&start_time=2026-11-27T00:00:00&end_time=2026-11-28T00:00:00&interval=1day");
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(json(empty).get("data_points")).isEmpty();
    var bad =
        get(
            "/api/v1/timeseries/power?machine_id="
                + COMPRESSOR.id()
                + "&start_time=2026-11-27T00:00:00Z&end_time=2026-11-28T00:00:00Z&interval=2min");
    assertThat(bad.statusCode()).isEqualTo(422);
    var missing = get("/api/v1/timeseries/power?machine_id=" + COMPRESSOR.id());
    assertThat(missing.statusCode()).isEqualTo(422);
    assertThat(json(missing).get("detail").get(0).get("loc").get(1).asText())
        .isEqualTo("start_time");
  }

  @Test
  void reportsHealthPerComponentAndServesPrometheusMetrics() throws Exception {
    var health = get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).get("status").asText()).isEqualTo("healthy");
    assertThat(json(health).get("database").get("status").asText()).isEqualTo("healthy");
    var metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
  }

  @Test
  void answersUnknownPathsWithTheErrorEnvelope() throws Exception {
    var r = get("/api/v1/nothing-here");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).get("detail").asText()).isEqualTo("Not Found");
  }
}
