package org.enms.http.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.enms.core.json.Json;
import org.enms.http.ApiRoutes;
import org.enms.http.HttpServer;
import org.enms.http.HttpSettings;
import org.enms.http.anomaly.AnomalySummary;
import org.enms.http.health.HealthRoutes;
import org.enms.http.machines.LiveStatus;
import org.enms.http.machines.MachineDirectory;
import org.enms.http.machines.MachineRoutes;
import org.enms.http.machines.MachineSummary;
import org.enms.http.metrics.MetricsRoutes;
import org.enms.http.security.BearerTokens;
import org.enms.http.security.Role;
import org.enms.http.security.SecurityLayer;
import org.enms.http.security.SecuritySettings;
import org.enms.http.timeseries.SeriesQueries;
import org.enms.http.timeseries.TimeseriesRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry's HTTP surface over a real socket, on in-memory ports: paths, status codes, body
 * validation in FastAPI's shape, conflicts, partial updates, the original's SEU envelope, and that
 * every write is announced before it is answered.
 */
class RegistryRoutesTest {
  /** Tariff routes are tested against the database (TariffRoutesTest); unused here. */
  private static final TariffRegistry NO_TARIFFS =
      new TariffRegistry() {
        @Override
        public java.util.concurrent.CompletionStage<java.util.List<Entry>> list(
            java.util.Optional<java.util.UUID> factory, java.util.Optional<String> source) {
          return java.util.concurrent.CompletableFuture.completedFuture(java.util.List.of());
        }

        @Override
        public java.util.concurrent.CompletionStage<java.util.Optional<Entry>> find(
            java.util.UUID id) {
          return java.util.concurrent.CompletableFuture.completedFuture(java.util.Optional.empty());
        }

        @Override
        public java.util.concurrent.CompletionStage<Created> create(Input input) {
          return java.util.concurrent.CompletableFuture.failedFuture(
              new UnsupportedOperationException("not under test"));
        }
      };

  private static final HttpClient client = HttpClient.newHttpClient();
  private static ActorTestKit testKit;
  private static InMemoryRegistry registry;
  private static int openPort;
  private static final String SECRET = "registry-test-secret-registry-test-secret";
  private static int guardedPort;
  private static FactoryRegistry.Entry plant;

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create();
    registry = new InMemoryRegistry();
    plant =
        registry
            .factories
            .create(null, new FactoryRegistry.Input("Plant A", "Bremen", "UTC"))
            .toCompletableFuture()
            .get();
    openPort = bind(null);
    // The node's security layer with a credential configured: writes need a role, reads do not.
    guardedPort =
        bind(
            new SecurityLayer(
                SecuritySettings.fromConfig(
                    ConfigFactory.parseMap(Map.of("enms.security.jwt.secret", SECRET))
                        .withFallback(ConfigFactory.defaultReference()))));
  }

  private static int bind(SecurityLayer security) throws Exception {
    MachineDirectory directory =
        new MachineDirectory() {
          @Override
          public CompletionStage<List<MachineSummary>> list(
              Optional<String> search, Optional<Boolean> active) {
            return CompletableFuture.completedFuture(
                registry.machines.map.values().stream()
                    .map(
                        m ->
                            new MachineSummary(
                                m.id(),
                                m.factoryId(),
                                m.name(),
                                m.type(),
                                m.ratedPowerKw(),
                                m.isActive(),
                                m.factoryName(),
                                "Bremen"))
                    .toList());
          }

          @Override
          public CompletionStage<Optional<MachineSummary>> byId(UUID id) {
            return list(Optional.empty(), Optional.empty())
                .thenApply(all -> all.stream().filter(m -> m.id().equals(id)).findFirst());
          }
        };
    HttpSettings settings = new HttpSettings("127.0.0.1", 0, 0.15);
    Clock clock = Clock.fixed(InMemoryRegistry.T, ZoneOffset.UTC);
    var api =
        new ApiRoutes(
            new HealthRoutes(List.of(), "test"),
            new MetricsRoutes(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)),
            new MachineRoutes(
                directory,
                id ->
                    CompletableFuture.completedFuture(
                        new LiveStatus("stopped", 0, null, 0, 0, 0, 0, 0, 0, 0)),
                (id, since) -> CompletableFuture.completedFuture(AnomalySummary.NONE),
                settings,
                clock),
            new TimeseriesRoutes(directory, (SeriesQueries) null),
            new RegistryRoutes(
                registry.factories,
                registry.machines,
                registry.sources,
                registry.seus,
                NO_TARIFFS,
                registry,
                clock));
    if (security != null) {
      api.secured(security);
    }
    return HttpServer.start(testKit.system(), settings, api.routes())
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS)
        .localAddress()
        .getPort();
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static HttpResponse<String> send(int port, String method, String path, String body)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return send(openPort, method, path, body);
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  private static JsonNode createMachine(String name) throws Exception {
    var r =
        send(
            "POST",
            "/api/v1/machines",
            "{\"name\":\""
                + name
                + "\",\"factory_id\":\""
                + plant.id()
                + "\",\"type\":\"pump\","
                + "\"rated_power_kw\":30,\"data_interval_seconds\":5,"
                + "\"energy_sources\":[{\"name\":\"electricity\",\"unit\":\"kWh\"}]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r);
  }

  @Test
  void createsAMachineWith201AnnouncesTheChangeAndListsItInTheBareArray() throws Exception {
    int before = registry.changes.get();
    JsonNode created = createMachine("Press-1");

    assertThat(created.get("name").asText()).isEqualTo("Press-1");
    assertThat(created.get("factory_name").asText()).isEqualTo("Plant A");
    assertThat(created.get("data_interval_seconds").asInt()).isEqualTo(5);
    assertThat(created.get("energy_sources").get(0).get("unit").asText()).isEqualTo("kWh");
    assertThat(created.get("is_active").asBoolean()).isTrue();
    assertThat(registry.changes.get()).isEqualTo(before + 1);

    JsonNode list = json(send("GET", "/api/v1/machines", null));
    assertThat(list.isArray()).isTrue();
    assertThat(list.findValuesAsText("name")).contains("Press-1");
    JsonNode registered =
        json(send("GET", "/api/v1/machines/" + created.get("id").asText() + "/registry", null));
    assertThat(registered.get("rated_power_kw").asDouble()).isEqualTo(30);
  }

  @Test
  void acceptsTheFactoryByNameAndDefaultsTypeIntervalAndElectricity() throws Exception {
    var r =
        send(
            "POST",
            "/api/v1/machines",
            "{\"name\":\"Fan-1\",\"factory\":\"Plant A\",\"rated_power_kw\":2}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode m = json(r);
    assertThat(m.get("factory_id").asText()).isEqualTo(plant.id().toString());
    assertThat(m.get("type").asText()).isEqualTo("other");
    assertThat(m.get("data_interval_seconds").asInt()).isEqualTo(10);
    assertThat(m.get("energy_sources").get(0).get("name").asText()).isEqualTo("electricity");
  }

  @Test
  void answersADuplicateNameInTheSameFactoryWith409AndADetail() throws Exception {
    createMachine("Twin");
    var r =
        send(
            "POST",
            "/api/v1/machines",
            "{\"name\":\"Twin\",\"factory_id\":\"" + plant.id() + "\",\"rated_power_kw\":1}");
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(json(r).get("detail").asText()).contains("Twin");
  }

  @Test
  void reportsEveryInvalidBodyFieldAt422WithItsBodyLocation() throws Exception {
    int before = registry.changes.get();
    var r =
        send(
            "POST",
            "/api/v1/machines",
            "{\"name\":\" \",\"type\":\"turbine\",\"rated_power_kw\":-1,\"data_interval_seconds\":0}");
    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode detail = json(r).get("detail");
    assertThat(
            detail.findValues("loc").stream()
                .map(l -> l.get(0).asText() + "." + l.get(1).asText())
                .toList())
        .contains(
            "body.factory_id",
            "body.name",
            "body.type",
            "body.rated_power_kw",
            "body.data_interval_seconds");
    assertThat(registry.changes.get()).isEqualTo(before);

    var malformed = send("POST", "/api/v1/machines", "{\"name\": oops");
    assertThat(malformed.statusCode()).isEqualTo(422);
    assertThat(json(malformed).get("detail").get(0).get("loc").get(0).asText()).isEqualTo("body");

    var unknownFactory =
        send(
            "POST",
            "/api/v1/machines",
            "{\"name\":\"X\",\"factory_id\":\"" + UUID.randomUUID() + "\",\"rated_power_kw\":1}");
    assertThat(unknownFactory.statusCode()).isEqualTo(422);
    assertThat(json(unknownFactory).get("detail").get(0).get("loc").get(1).asText())
        .isEqualTo("factory_id");
  }

  @Test
  void patchChangesOnlyTheGivenFieldsAndAnUnknownMachineIs404() throws Exception {
    String id = createMachine("Mixer").get("id").asText();
    var r =
        send(
            "PATCH",
            "/api/v1/machines/" + id,
            "{\"rated_power_kw\":45.5,\"description\":\"line 2\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode m = json(r);
    assertThat(m.get("rated_power_kw").asDouble()).isEqualTo(45.5);
    assertThat(m.get("description").asText()).isEqualTo("line 2");
    assertThat(m.get("name").asText()).isEqualTo("Mixer");
    assertThat(m.get("type").asText()).isEqualTo("pump");
    assertThat(m.get("data_interval_seconds").asInt()).isEqualTo(5);

    var missing = send("PATCH", "/api/v1/machines/" + UUID.randomUUID(), "{\"rated_power_kw\":1}");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).get("detail").asText()).isEqualTo("Machine not found");
  }

  @Test
  void deactivatesThroughPostAndReactivates() throws Exception {
    String id = createMachine("Old-Press").get("id").asText();
    var off = send("POST", "/api/v1/machines/" + id + "/deactivate", null);
    assertThat(off.statusCode()).isEqualTo(200);
    assertThat(json(off).get("is_active").asBoolean()).isFalse();
    assertThat(
            json(send("POST", "/api/v1/machines/" + id + "/activate", null))
                .get("is_active")
                .asBoolean())
        .isTrue();
    assertThat(send("DELETE", "/api/v1/machines/" + id, null).statusCode()).isEqualTo(405);
  }

  @Test
  void listsSeusInTheOriginalsEnvelopeFilteredByEnergySource() throws Exception {
    String machine = createMachine("Compressor-X").get("id").asText();
    var created =
        send(
            "POST",
            "/api/v1/seus",
            "{\"name\":\"Air\",\"energy_source\":\"electricity\",\"machine_ids\":[\""
                + machine
                + "\"],\"baseline_year\":2025}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    JsonNode body = json(send("GET", "/api/v1/seus?energy_source=electricity", null));
    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(body.get("total_count").asInt()).isEqualTo(body.get("seus").size()).isPositive();
    assertThat(body.get("filtered_by").asText()).isEqualTo("electricity");
    assertThat(body.has("timestamp")).isTrue();
    JsonNode seu = body.get("seus").get(0);
    assertThat(seu.get("name").asText()).isEqualTo("Air");
    assertThat(seu.get("has_baseline").asBoolean()).isFalse();
    assertThat(seu.get("machine_count").asInt()).isEqualTo(1);
    assertThat(
            json(send("GET", "/api/v1/seus?energy_source=steam", null)).get("total_count").asInt())
        .isZero();

    JsonNode detail = json(send("GET", "/api/v1/seus/" + json(created).get("id").asText(), null));
    assertThat(detail.get("seu").get("machines").get(0).get("name").asText())
        .isEqualTo("Compressor-X");

    var noMachines =
        send(
            "POST",
            "/api/v1/seus",
            "{\"name\":\"Empty\",\"energy_source\":\"electricity\",\"machine_ids\":[]}");
    assertThat(noMachines.statusCode()).isEqualTo(422);
    var ghost =
        send(
            "POST",
            "/api/v1/seus",
            "{\"name\":\"Ghost\",\"energy_source\":\"electricity\",\"machine_ids\":[\""
                + UUID.randomUUID()
                + "\"]}");
    assertThat(ghost.statusCode()).isEqualTo(422);
    assertThat(json(ghost).get("detail").get(0).get("loc").get(1).asText())
        .isEqualTo("machine_ids");
  }

  @Test
  void servesFactoriesAndEnergySourcesAsBareArraysAndValidatesTheTimeZone() throws Exception {
    assertThat(json(send("GET", "/api/v1/factories", null)).get(0).get("name").asText())
        .isEqualTo("Plant A");
    var badZone =
        send("POST", "/api/v1/factories", "{\"name\":\"Plant B\",\"timezone\":\"Mars/Olympus\"}");
    assertThat(badZone.statusCode()).isEqualTo(422);
    assertThat(json(badZone).get("detail").get(0).get("loc").get(1).asText()).isEqualTo("timezone");
    assertThat(send("POST", "/api/v1/factories", "{\"name\":\"Plant A\"}").statusCode())
        .isEqualTo(409);

    JsonNode sources = json(send("GET", "/api/v1/energy-sources", null));
    assertThat(sources.isArray()).isTrue();
    assertThat(sources.get(0).get("unit").asText()).isEqualTo("kWh");
    assertThat(
            json(send("GET", "/api/v1/energy-sources/electricity", null))
                .get("cost_per_unit")
                .asDouble())
        .isEqualTo(0.15);
    assertThat(send("GET", "/api/v1/energy-sources/plasma", null).statusCode()).isEqualTo(404);
    var patched = send("PATCH", "/api/v1/energy-sources/electricity", "{\"cost_per_unit\":0.2}");
    assertThat(json(patched).get("cost_per_unit").asDouble()).isEqualTo(0.2);
    assertThat(json(patched).get("unit").asText()).isEqualTo("kWh");
  }

  @Test
  void theSecurityLayerGuardsEveryWriteRouteAndNoReadRoute() throws Exception {
    assertThat(send(guardedPort, "POST", "/api/v1/machines", "{}").statusCode()).isEqualTo(401);
    assertThat(send(guardedPort, "POST", "/api/v1/factories", "{}").statusCode()).isEqualTo(401);
    assertThat(send(guardedPort, "PATCH", "/api/v1/seus/" + UUID.randomUUID(), "{}").statusCode())
        .isEqualTo(401);
    // With the operator role the write reaches the route, which judges the (empty) body.
    String operator =
        new BearerTokens(SECRET, "", "")
            .mint("op", Role.OPERATOR, Duration.ofMinutes(5), java.time.Instant.now());
    var created =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + guardedPort + "/api/v1/machines"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + operator)
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(422);
    assertThat(send(guardedPort, "GET", "/api/v1/factories", null).statusCode()).isEqualTo(200);
    assertThat(send(guardedPort, "GET", "/api/v1/seus", null).statusCode()).isEqualTo(200);
    assertThat(send(guardedPort, "GET", "/api/v1/machines", null).statusCode()).isEqualTo(200);
  }
}
