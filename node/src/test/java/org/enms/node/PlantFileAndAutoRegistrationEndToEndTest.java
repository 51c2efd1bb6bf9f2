package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node with a declared plant (the documented example plant file) and the {@code register} policy
 * for unknown machines: the declared machines replace the demo plant and receive data, an unknown
 * machine is registered under the named factory with its reading stored, and a deactivated one is
 * still refused.
 */
class PlantFileAndAutoRegistrationEndToEndTest {
  private static final String PRESS = "5b1f3c6e-8a1d-4f57-9a55-2f9c1e0b7a01";
  private static final String FACTORY = "Field meters";

  private static NodeFixture fixture;
  private static MqttClient publisher;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    fixture.startNode(
        Map.of(
            "enms.plant.file",
            Path.of("../docs/plant-example.conf").toAbsolutePath().toString(),
            "enms.ingest.unknown-machines",
            "register",
            "enms.ingest.auto-register-factory",
            FACTORY));
    publisher = fixture.publisher();
  }

  @AfterAll
  static void stop() throws Exception {
    if (publisher != null) {
      publisher.disconnect();
    }
    fixture.close();
  }

  private static String energy(String machineId, double kw) {
    return "{\"time\":\""
        + Instant.now()
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
  void theDeclaredPlantReplacesTheDemoPlantAndItsMachineReceivesData() {
    List<String> names = new ArrayList<>();
    for (JsonNode m : fixture.getJson("/api/v1/machines")) {
      names.add(m.get("name").asText());
    }
    assertThat(names).contains("Boiler-B1", "Press-1").doesNotContain("Compressor-1", "HVAC-Main");
    assertThat(fixture.getJson("/api/v1/seus").get("seus").get(0).get("name").asText())
        .isEqualTo("Presses");

    NodeFixture.publish(publisher, "factory/bremen/press-1/energy", energy(PRESS, 60));
    NodeFixture.await(
        "the declared machine's reading", Duration.ofSeconds(20), () -> stored(PRESS) == 1);
  }

  @Test
  void underTheRegisterPolicyAnUnknownMachineIsRegisteredUnderTheNamedFactoryAndItsReadingStored() {
    String unknown = UUID.randomUUID().toString();
    NodeFixture.publish(publisher, "factory/site-2/meter-1/energy", energy(unknown, 2.5));

    NodeFixture.await(
        "the unknown machine's reading", Duration.ofSeconds(20), () -> stored(unknown) == 1);
    assertThat(
            fixture.text(
                "SELECT f.name FROM machines m JOIN factories f ON f.id = m.factory_id WHERE m.id = '"
                    + unknown
                    + "'"))
        .isEqualTo(FACTORY);
    JsonNode registered = fixture.getJson("/api/v1/machines/" + unknown);
    assertThat(registered.get("name").asText()).isEqualTo(unknown);
    assertThat(registered.get("type").asText()).isEqualTo("other");
    assertThat(registered.get("is_active").asBoolean()).isTrue();
    assertThat(
            fixture.count(
                "SELECT count(*) FROM ingest_rejects WHERE encode(payload_bytes, 'escape') LIKE '%"
                    + unknown
                    + "%'"))
        .isZero();

    // A second reading goes through the catalogue's fast path and the machine stays registered
    // once.
    NodeFixture.publish(publisher, "factory/site-2/meter-1/energy", energy(unknown, 2.75));
    NodeFixture.await("the second reading", Duration.ofSeconds(20), () -> stored(unknown) == 2);
    assertThat(fixture.count("SELECT count(*) FROM machines WHERE id = '" + unknown + "'"))
        .isEqualTo(1);
  }

  @Test
  void underTheRegisterPolicyADeactivatedMachineIsStillRefused() {
    var off = fixture.send("POST", "/api/v1/machines/" + PRESS + "/deactivate", null);
    assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
    String payload = energy(PRESS, 61);
    NodeFixture.publish(publisher, "factory/bremen/press-1/energy", payload);
    NodeFixture.await(
        "the reject of the deactivated machine",
        Duration.ofSeconds(20),
        () ->
            fixture.count(
                    "SELECT count(*) FROM ingest_rejects WHERE reason = 'unknown machine "
                        + PRESS
                        + "'")
                == 1);
    assertThat(
            fixture.count(
                "SELECT count(*) FROM energy_readings WHERE machine_id = '"
                    + PRESS
                    + "' AND power_kw = 61"))
        .isZero();
    fixture.send("POST", "/api/v1/machines/" + PRESS + "/activate", null);
  }
}
