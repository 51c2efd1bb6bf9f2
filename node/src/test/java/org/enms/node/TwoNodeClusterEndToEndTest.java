package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.enms.core.json.Json;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes in one cluster on the same broker and database: machine entities spread over both, and
 * a machine registered through one node is accepted at once by the other (the registry change is
 * broadcast, not waited for). Both nodes subscribe plainly here (see NodeFixture), so each receives
 * every message: the other node would record a reject for any reading it got before its catalogue
 * knew the new machine.
 */
class TwoNodeClusterEndToEndTest {
  private static final String NEW_MACHINE = "9d3c2b1a-0000-4000-8000-000000000042";

  private static NodeFixture fixture;
  private static ActorSystem<Void> second;
  private static int secondHttpPort;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    int firstPort = NodeFixture.freePort();
    List<String> seeds = List.of("pekko://enms@127.0.0.1:" + firstPort);
    // Periodic catalogue reloads are pushed out of the test's horizon: only the broadcast counts.
    fixture.startNode(
        Map.of(
            "pekko.remote.artery.canonical.port", firstPort,
            "pekko.cluster.seed-nodes", seeds,
            "enms.ingest.catalog-refresh-interval", "1h"));
    secondHttpPort = NodeFixture.freePort();
    second =
        Node.start(
            fixture.config(
                Map.of(
                    "pekko.remote.artery.canonical.port",
                    NodeFixture.freePort(),
                    "pekko.cluster.seed-nodes",
                    seeds,
                    "enms.ingest.catalog-refresh-interval",
                    "1h",
                    "enms.ingest.client-id",
                    fixture.clientId + "-b",
                    "enms.http.port",
                    secondHttpPort)));
    NodeFixture.await(
        "both nodes up in one cluster",
        Duration.ofSeconds(60),
        () ->
            secondGet("/health").statusCode() == 200
                && fixture.getJson("/health").get("cluster").get("members_up").asInt() == 2);
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.terminate();
      second.getWhenTerminated().toCompletableFuture().join();
    }
    fixture.close();
  }

  private static HttpResponse<String> secondGet(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + secondHttpPort + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double liveEntities(String metrics) {
    return metrics
        .lines()
        .filter(l -> l.startsWith("enms_machine_entities_live "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1)))
        .findFirst()
        .orElse(-1);
  }

  @Test
  void machinesSpreadOverBothNodesAndARegistrationOnOneIsAcceptedByTheOther() throws Exception {
    MqttClient publisher = fixture.publisher();
    Instant t = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
    for (Machine m : DemoPlant.MACHINES) {
      NodeFixture.publish(
          publisher,
          m.mqttTopic() + "/energy",
          "{\"time\":\""
              + t
              + "\",\"machine_id\":\""
              + m.id()
              + "\",\"power_kw\":3,\"energy_kwh\":0.01}");
    }
    NodeFixture.await(
        "the 8 demo machines' entities alive across both nodes",
        Duration.ofSeconds(30),
        () ->
            liveEntities(fixture.get("/metrics").body())
                    + liveEntities(secondGet("/metrics").body())
                == DemoPlant.MACHINES.size());
    assertThat(liveEntities(fixture.get("/metrics").body())).isPositive();
    assertThat(liveEntities(secondGet("/metrics").body())).isPositive();

    var created =
        fixture.send(
            "POST",
            "/api/v1/machines",
            "{\"id\": \""
                + NEW_MACHINE
                + "\", \"name\": \"Chiller-7\", \"factory\": \"Demo Manufacturing Plant\","
                + " \"type\": \"hvac\", \"rated_power_kw\": 75}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    NodeFixture.await(
        "the other node to accept the new machine",
        Duration.ofSeconds(10),
        () -> json(secondGet("/health")).get("broker").get("machines_accepted").asInt() == 9);

    for (int i = 0; i < 20; i++) {
      NodeFixture.publish(
          publisher,
          "factory/demo/chiller-7/energy",
          "{\"time\":\""
              + t.plusSeconds(i)
              + "\",\"machine_id\":\""
              + NEW_MACHINE
              + "\",\"power_kw\":40,\"energy_kwh\":0.011}");
    }
    NodeFixture.await(
        "all 20 readings of the new machine stored",
        Duration.ofSeconds(20),
        () ->
            fixture.count(
                    "SELECT count(*) FROM energy_readings WHERE machine_id = '" + NEW_MACHINE + "'")
                == 20);
    assertThat(
            fixture.count(
                "SELECT count(*) FROM ingest_rejects WHERE reason LIKE '%" + NEW_MACHINE + "%'"))
        .isZero();
    publisher.disconnect();
  }
}
