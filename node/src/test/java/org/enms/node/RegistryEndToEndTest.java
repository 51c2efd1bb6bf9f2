package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plant registry end to end on real services, with the default policy for unknown machines
 * (reject): a machine created through the API receives live MQTT data at once, without a restart; a
 * deactivated one stops receiving; an unknown one is rejected and not registered.
 */
class RegistryEndToEndTest {
  private static NodeFixture fixture;
  private static MqttClient publisher;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    fixture.startNode(Map.of());
    publisher = fixture.publisher();
  }

  @AfterAll
  static void stop() throws Exception {
    if (publisher != null) {
      publisher.disconnect();
    }
    fixture.close();
  }

  private static String energy(String machineId, Instant t, double kw) {
    return "{\"time\":\""
        + t
        + "\",\"machine_id\":\""
        + machineId
        + "\",\"power_kw\":"
        + kw
        + ",\"energy_kwh\":0.01}";
  }

  private long stored(String machineId) {
    return fixture.count(
        "SELECT count(*) FROM energy_readings WHERE machine_id = '" + machineId + "'");
  }

  @Test
  void aMachineCreatedThroughTheApiReceivesLiveMqttDataAtOnce() {
    var created =
        fixture.send(
            "POST",
            "/api/v1/machines",
            """
            {"name": "Press-42", "factory": "Demo Manufacturing Plant", "type": "other",
             "rated_power_kw": 18, "data_interval_seconds": 1,
             "energy_sources": [{"name": "electricity", "unit": "kWh"}]}
            """);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = NodeFixture.json(created).get("id").asText();

    // No wait and no restart: the response is sent after ingest's catalogue knows the machine.
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    NodeFixture.publish(publisher, "factory/demo/press-42/energy", energy(id, t, 12.5));

    NodeFixture.await("the new machine's reading", Duration.ofSeconds(20), () -> stored(id) == 1);
    NodeFixture.await(
        "the new machine's live status",
        Duration.ofSeconds(20),
        () ->
            !fixture
                .getJson("/api/v1/machines/status/Press-42")
                .get("current_status")
                .get("last_reading")
                .isNull());
    JsonNode status = fixture.getJson("/api/v1/machines/status/Press-42");
    assertThat(status.get("current_status").get("power_kw").asDouble()).isEqualTo(12.5);
    assertThat(
            fixture.count(
                "SELECT count(*) FROM ingest_rejects WHERE encode(payload_bytes, 'escape') LIKE '%"
                    + id
                    + "%'"))
        .isZero();
    assertThat(fixture.getJson("/api/v1/machines").findValuesAsText("name"))
        .contains("Press-42", "Compressor-1");
  }

  @Test
  void aDeactivatedMachineKeepsItsHistoryAndItsNewDataIsRejected() {
    String id =
        NodeFixture.json(
                fixture.send(
                    "POST",
                    "/api/v1/machines",
                    "{\"name\":\"Lathe-9\",\"factory\":\"European Production Facility\",\"rated_power_kw\":7}"))
            .get("id")
            .asText();
    NodeFixture.publish(publisher, "factory/europe/lathe-9/energy", energy(id, Instant.now(), 3));
    NodeFixture.await(
        "the reading before deactivation", Duration.ofSeconds(20), () -> stored(id) == 1);

    var off = fixture.send("POST", "/api/v1/machines/" + id + "/deactivate", null);
    assertThat(off.statusCode()).isEqualTo(200);
    NodeFixture.publish(publisher, "factory/europe/lathe-9/energy", energy(id, Instant.now(), 4));

    NodeFixture.await(
        "the reject after deactivation",
        Duration.ofSeconds(20),
        () ->
            fixture.count(
                    "SELECT count(*) FROM ingest_rejects WHERE reason = 'unknown machine "
                        + id
                        + "'")
                == 1);
    assertThat(stored(id)).isEqualTo(1);
    assertThat(fixture.getJson("/api/v1/machines/" + id).get("is_active").asBoolean()).isFalse();
  }

  @Test
  void underTheRejectPolicyAnUnknownMachineIsRecordedAsARejectAndNeitherStoredNorRegistered() {
    String unknown = UUID.randomUUID().toString();
    NodeFixture.publish(publisher, "factory/x/meter-7/energy", energy(unknown, Instant.now(), 1));
    NodeFixture.await(
        "the reject of the unknown machine",
        Duration.ofSeconds(20),
        () ->
            fixture.count(
                    "SELECT count(*) FROM ingest_rejects WHERE reason = 'unknown machine "
                        + unknown
                        + "'")
                == 1);
    assertThat(stored(unknown)).isZero();
    assertThat(fixture.count("SELECT count(*) FROM machines WHERE id = '" + unknown + "'"))
        .isZero();
  }
}
