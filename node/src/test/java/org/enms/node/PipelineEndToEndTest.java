package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One node on real services (PostgreSQL, an MQTT broker, HTTP over a socket), fed by the demo-plant
 * simulator and by a test publisher.
 */
class PipelineEndToEndTest {
  private static final String COMPRESSOR = "c0000000-0000-0000-0000-000000000001";
  private static final String CONVEYOR = "c0000000-0000-0000-0000-000000000003";

  private static NodeFixture fixture;
  private static MqttClient publisher;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    fixture.startNode(
        Map.of(
            "enms.simulator.enabled",
            true,
            "enms.simulator.http.port",
            NodeFixture.freePort(),
            "enms.simulator.client-id",
            "sim-" + fixture.clientId));
    publisher = fixture.publisher();
  }

  @AfterAll
  static void stop() throws Exception {
    if (publisher != null) {
      publisher.disconnect();
    }
    fixture.close();
  }

  @Test
  void simulatorReadingsArriveInTheDatabaseAndThroughTheApi() {
    NodeFixture.await(
        "compressor readings in energy_readings",
        Duration.ofSeconds(30),
        () ->
            fixture.count(
                    "SELECT count(*) FROM energy_readings WHERE machine_id = '" + COMPRESSOR + "'")
                >= 3);
    NodeFixture.await(
        "live status of Compressor-1",
        Duration.ofSeconds(20),
        () ->
            !fixture
                .getJson("/api/v1/machines/status/Compressor-1")
                .get("current_status")
                .get("last_reading")
                .isNull());
    JsonNode status = fixture.getJson("/api/v1/machines/status/Compressor-1");
    assertThat(status.get("current_status").get("status").asText()).isIn("running", "idle");
    assertThat(status.get("today_stats").get("energy_kwh").asDouble()).isPositive();

    Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    Instant to = from.plus(Duration.ofHours(3));
    String path =
        "/api/v1/timeseries/energy?machine_id="
            + COMPRESSOR
            + "&start_time="
            + from
            + "&end_time="
            + to
            + "&interval=1min";
    NodeFixture.await(
        "energy roll-ups through the API",
        Duration.ofSeconds(20),
        () -> fixture.getJson(path).get("total_points").asInt() > 0);
    double apiTotal = 0;
    for (JsonNode p : fixture.getJson(path).get("data_points")) {
      apiTotal += p.get("value").asDouble();
    }
    assertThat(apiTotal).isPositive();
    JsonNode machines = fixture.getJson("/api/v1/machines");
    assertThat(machines).hasSize(8);
  }

  @Test
  void malformedMessageIsRecordedAndTheNextGoodOneIsStored() {
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    NodeFixture.publish(
        publisher, "factory/demo/conveyor-a/energy", "{\"time\": \"" + t + "\", oops");
    NodeFixture.publish(
        publisher,
        "factory/demo/conveyor-a/energy",
        "{\"time\":\""
            + t
            + "\",\"machine_id\":\""
            + CONVEYOR
            + "\",\"power_kw\":\"NaN?\",\"energy_kwh\":1}");
    NodeFixture.publish(
        publisher,
        "factory/demo/conveyor-a/energy",
        "{\"time\":\""
            + t
            + "\",\"machine_id\":\""
            + CONVEYOR
            + "\",\"power_kw\":12.5,\"energy_kwh\":0.0347}");
    NodeFixture.await(
        "the good reading",
        Duration.ofSeconds(20),
        () ->
            fixture.count(
                    "SELECT count(*) FROM energy_readings WHERE machine_id = '"
                        + CONVEYOR
                        + "' AND time = '"
                        + t
                        + "' AND power_kw = 12.5")
                == 1);
    NodeFixture.await(
        "both rejects recorded",
        Duration.ofSeconds(10),
        () ->
            fixture.count(
                    "SELECT count(*) FROM ingest_rejects WHERE encode(payload_bytes, 'escape') LIKE '%"
                        + t
                        + "%'")
                == 2);
    assertThat(
            fixture.text(
                "SELECT reason FROM ingest_rejects WHERE encode(payload_bytes, 'escape') LIKE '%oops%'"))
        .startsWith("malformed JSON");
    assertThat(
            fixture.text(
                "SELECT reason FROM ingest_rejects WHERE encode(payload_bytes, 'escape') LIKE '%NaN?%'"))
        .isEqualTo("field power_kw: expected a number, got string");
  }

  @Test
  void unknownMachineIsRejectedNotStored() {
    String unknown = "deadbeef-0000-0000-0000-000000000000";
    Instant t = Instant.now();
    NodeFixture.publish(
        publisher,
        "factory/x/y/energy",
        "{\"time\":\""
            + t
            + "\",\"machine_id\":\""
            + unknown
            + "\",\"power_kw\":1,\"energy_kwh\":0.1}");
    NodeFixture.await(
        "reject of the unknown machine",
        Duration.ofSeconds(20),
        () ->
            fixture.count(
                    "SELECT count(*) FROM ingest_rejects WHERE reason = 'unknown machine "
                        + unknown
                        + "'")
                == 1);
    assertThat(
            fixture.count(
                "SELECT count(*) FROM energy_readings WHERE machine_id = '" + unknown + "'"))
        .isZero();
  }

  @Test
  void redeliveredMessageCreatesNoDuplicate() {
    Instant t = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MICROS);
    String payload =
        "{\"time\":\""
            + t
            + "\",\"machine_id\":\""
            + CONVEYOR
            + "\",\"power_kw\":7.25,\"energy_kwh\":0.02}";
    String stored =
        "SELECT count(*) FROM energy_readings WHERE machine_id = '"
            + CONVEYOR
            + "' AND time = '"
            + t
            + "'";
    NodeFixture.publish(publisher, "factory/demo/conveyor-a/energy", payload);
    NodeFixture.await(
        "the first delivery", Duration.ofSeconds(20), () -> fixture.count(stored) == 1);
    // What the broker does after a crash between commit and acknowledgement: the same message
    // again, in a later batch. One subscriber connection keeps the order, so once the marker is
    // stored the redeliveries have been processed too.
    NodeFixture.publish(publisher, "factory/demo/conveyor-a/energy", payload);
    NodeFixture.publish(publisher, "factory/demo/conveyor-a/energy", payload);
    String marker =
        "{\"time\":\""
            + t.plusMillis(1)
            + "\",\"machine_id\":\""
            + CONVEYOR
            + "\",\"power_kw\":7.5,\"energy_kwh\":0.02}";
    NodeFixture.publish(publisher, "factory/demo/conveyor-a/energy", marker);
    NodeFixture.await(
        "the marker after the redeliveries",
        Duration.ofSeconds(20),
        () ->
            fixture.count(
                    "SELECT count(*) FROM energy_readings WHERE machine_id = '"
                        + CONVEYOR
                        + "' AND power_kw = 7.5")
                == 1);
    assertThat(fixture.count(stored)).isEqualTo(1);
  }
}
