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
 * A machine entity that passivated answers from what it restores from the database, through the
 * real adapter and SQL: today's energy and the latest reading survive.
 */
class MachineRestoreEndToEndTest {
  private static final String HVAC = "c0000000-0000-0000-0000-000000000002";

  private static NodeFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    fixture.startNode(Map.of("enms.machine.idle-timeout", "1s"));
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  void passivatedMachineRestoresTodaysEnergyAndItsLatestReading() {
    Instant base = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
    MqttClient publisher = fixture.publisher();
    for (int i = 0; i < 10; i++) {
      NodeFixture.publish(
          publisher,
          "factory/demo/hvac-main/energy",
          "{\"time\":\""
              + base.plusSeconds(i)
              + "\",\"machine_id\":\""
              + HVAC
              + "\",\"power_kw\":"
              + (40 + i)
              + ",\"energy_kwh\":0.5}");
    }
    NodeFixture.await(
        "live totals of HVAC-Main",
        Duration.ofSeconds(20),
        () -> status().get("today_stats").get("energy_kwh").asDouble() == 5.0);

    NodeFixture.await(
        "HVAC-Main passivated",
        Duration.ofSeconds(30),
        () -> fixture.get("/metrics").body().contains("enms_machine_entities_live 0.0"));

    JsonNode restored = status();
    assertThat(restored.get("today_stats").get("energy_kwh").asDouble()).isEqualTo(5.0);
    assertThat(restored.get("current_status").get("power_kw").asDouble()).isEqualTo(49.0);
    assertThat(restored.get("today_stats").get("peak_power_kw").asDouble()).isEqualTo(49.0);
    assertThat(restored.get("today_stats").get("avg_power_kw").asDouble()).isEqualTo(44.5);
    assertThat(Instant.parse(restored.get("current_status").get("last_reading").asText()))
        .isEqualTo(base.plusSeconds(9));
    assertThat(restored.get("current_status").get("status").asText()).isEqualTo("running");
  }

  private static JsonNode status() {
    return fixture.getJson("/api/v1/machines/status/HVAC-Main");
  }
}
