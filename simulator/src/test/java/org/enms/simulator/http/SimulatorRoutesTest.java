package org.enms.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.enms.core.json.Json;
import org.enms.core.plant.DemoPlant;
import org.enms.simulator.Simulator;
import org.enms.simulator.SimulatorSettings;
import org.enms.simulator.mqtt.MqttSettings;
import org.enms.simulator.testing.EmbeddedBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorRoutesTest {
  private static final String COMPRESSOR = DemoPlant.machineId(1).toString();
  private static final String CONVEYOR = DemoPlant.machineId(3).toString();

  private static EmbeddedBroker broker;
  private static ActorSystem<Void> system;
  private static Simulator simulator;
  private static String base;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedBroker.start();
    system = ActorSystem.create(Behaviors.empty(), "routes-test");
    int port = EmbeddedBroker.freePort();
    var settings =
        SimulatorSettings.fromConfig(ConfigFactory.load())
            .withMqtt(MqttSettings.anonymous(broker.url(), "sim-routes", 1000))
            .withHttp("127.0.0.1", port)
            .withAutoStart(false);
    simulator = Simulator.start(system, settings);
    simulator.binding().orElseThrow().toCompletableFuture().get(10, TimeUnit.SECONDS);
    simulator.publisher().connected().toCompletableFuture().get(10, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + port;
  }

  @AfterAll
  static void stop() throws Exception {
    simulator.shutdown().toCompletableFuture().get(10, TimeUnit.SECONDS);
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    broker.close();
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }

  @Test
  void healthReportsTheMqttConnection() throws Exception {
    var response = send("GET", "/health", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("status").asText()).isEqualTo("healthy");
    assertThat(json(response).get("mqtt_connected").asBoolean()).isTrue();
  }

  @Test
  void startAndStopSelectedMachinesAreReflectedInStatusAndMachineState() throws Exception {
    var started = send("POST", "/simulator/start", "{\"machine_ids\": [\"" + CONVEYOR + "\"]}");
    assertThat(started.statusCode()).isEqualTo(200);
    JsonNode envelope = json(started);
    assertThat(envelope.get("success").asBoolean()).isTrue();
    assertThat(envelope.get("message").asText()).isNotBlank();
    assertThat(envelope.get("data").get("total_machines").asInt()).isEqualTo(8);
    assertThat(envelope.get("data").get("running_machines").asInt()).isGreaterThanOrEqualTo(1);

    JsonNode status = json(send("GET", "/simulator/status", null));
    assertThat(status.get("status").asText()).isEqualTo("running");
    assertThat(status.get("machines_count").asInt()).isEqualTo(8);
    assertThat(status.get("factories_count").asInt()).isEqualTo(2);
    assertThat(status.get("mqtt_connected").asBoolean()).isTrue();

    JsonNode machine = json(send("GET", "/simulator/machines/" + CONVEYOR, null));
    assertThat(machine.get("is_running").asBoolean()).isTrue();
    assertThat(machine.get("machine_type").asText()).isEqualTo("motor");
    assertThat(machine.get("data_interval_seconds").asInt()).isEqualTo(10);

    var stopped = send("POST", "/simulator/stop", "{\"machine_ids\": [\"" + CONVEYOR + "\"]}");
    assertThat(stopped.statusCode()).isEqualTo(200);
    JsonNode after = json(send("GET", "/simulator/machines/" + CONVEYOR, null));
    assertThat(after.get("is_running").asBoolean()).isFalse();
    assertThat(after.get("operating_mode").asText()).isEqualTo("offline");
  }

  @Test
  void listsAllEightMachines() throws Exception {
    JsonNode machines = json(send("GET", "/simulator/machines", null));
    assertThat(machines.isArray()).isTrue();
    assertThat(machines).hasSize(8);
    assertThat(machines.get(0).has("anomaly_active")).isTrue();
  }

  @Test
  void unknownMachineAnswersNotFoundWithDetail() throws Exception {
    for (String path :
        new String[] {
          "/simulator/machines/c0000000-0000-0000-0000-000000000099",
          "/simulator/machines/not-a-uuid"
        }) {
      var response = send("GET", path, null);
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).isEqualTo("{\"detail\":\"Machine not found\"}");
    }
    var anomaly =
        send(
            "POST",
            "/simulator/machines/c0000000-0000-0000-0000-000000000099/anomaly",
            "{\"anomaly_type\":\"spike\"}");
    assertThat(anomaly.statusCode()).isEqualTo(404);
  }

  @Test
  void injectsAnAnomalyWithAKnownWindowAndClearsIt() throws Exception {
    Instant before = Instant.now();
    var response =
        send(
            "POST",
            "/simulator/machines/" + COMPRESSOR + "/anomaly",
            "{\"anomaly_type\":\"leak\",\"duration_seconds\":120,\"severity\":2.5}");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode data = json(response).get("data");
    assertThat(data.get("anomaly_type").asText()).isEqualTo("leak");
    assertThat(data.get("effect").asText()).isEqualTo("drift");
    Instant start = Instant.parse(data.get("started_at").asText());
    assertThat(start).isBetween(before.minusMillis(1), Instant.now());
    assertThat(Instant.parse(data.get("ends_at").asText())).isEqualTo(start.plusSeconds(120));

    JsonNode state = json(send("GET", "/simulator/machines/" + COMPRESSOR, null));
    assertThat(state.get("anomaly_active").asBoolean()).isTrue();
    assertThat(state.get("anomaly_type").asText()).isEqualTo("leak");
    assertThat(state.get("anomaly_ends_at").asText()).isEqualTo(data.get("ends_at").asText());

    assertThat(send("DELETE", "/simulator/machines/" + COMPRESSOR + "/anomaly", null).statusCode())
        .isEqualTo(200);
    JsonNode cleared = json(send("GET", "/simulator/machines/" + COMPRESSOR, null));
    assertThat(cleared.get("anomaly_active").asBoolean()).isFalse();
    assertThat(cleared.get("anomaly_type").isNull()).isTrue();
  }

  @Test
  void acceptsAScheduledStart() throws Exception {
    var response =
        send(
            "POST",
            "/simulator/machines/" + CONVEYOR + "/anomaly",
            "{\"anomaly_type\":\"spike\",\"start_at\":\"2099-01-01T00:00:00Z\",\"duration_seconds\":60}");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode state = json(send("GET", "/simulator/machines/" + CONVEYOR, null));
    assertThat(state.get("anomaly_active").asBoolean()).isFalse();
    assertThat(state.get("anomaly_started_at").asText()).isEqualTo("2099-01-01T00:00:00Z");
    send("DELETE", "/simulator/machines/" + CONVEYOR + "/anomaly", null);
  }

  @Test
  void rejectsInvalidAnomalyRequestsWithDetail() throws Exception {
    String path = "/simulator/machines/" + COMPRESSOR + "/anomaly";
    String[][] cases = {
      {"{\"anomaly_type\":\"spike\",\"duration_seconds\":5}", "422"},
      {"{\"anomaly_type\":\"spike\",\"duration_seconds\":3601}", "422"},
      {"{\"anomaly_type\":\"spike\",\"severity\":0.5}", "422"},
      {"{\"anomaly_type\":\"spike\",\"severity\":5.1}", "422"},
      {"{\"anomaly_type\":\"meltdown\"}", "422"},
      {"{\"duration_seconds\":60}", "422"},
      {"{\"anomaly_type\":\"spike\",\"start_at\":\"tomorrow\"}", "422"},
      {"not json", "422"},
      {"{\"anomaly_type\":\"belt_slip\"}", "400"},
      {"{\"anomaly_type\":\"spike\",\"machine_id\":\"" + CONVEYOR + "\"}", "400"},
    };
    for (String[] c : cases) {
      var response = send("POST", path, c[0]);
      assertThat(response.statusCode()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
      assertThat(json(response).get("detail").asText()).as(c[0]).isNotBlank();
    }
    JsonNode state = json(send("GET", "/simulator/machines/" + COMPRESSOR, null));
    assertThat(state.get("anomaly_type").isNull()).isTrue();
  }
}
