package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import org.enms.node.testing.MosquittoProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production subscription: a shared group over several connections, against Mosquitto with the
 * project's broker configuration ({@code docker/mosquitto.conf}). Every reading is stored exactly
 * once although the group's connections split the messages between them. Needs the {@code
 * mosquitto} binary (Debian package mosquitto); without it the class is skipped with that reason.
 */
class SharedSubscriptionEndToEndTest {
  private static final int READINGS = 600;

  private static MosquittoProcess mosquitto;
  private static NodeFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        MosquittoProcess.installed("mosquitto"),
        "the mosquitto binary is not installed (Debian package mosquitto)");
    mosquitto =
        MosquittoProcess.start(
            "mosquitto",
            Path.of("../docker/mosquitto.conf"),
            Files.createTempFile("enms-test-mosquitto", ".log"));
    fixture = new NodeFixture(mosquitto.url());
    fixture.startNode(Map.of("enms.ingest.shared-group", "enms", "enms.ingest.connections", 3));
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
    if (mosquitto != null) {
      mosquitto.close();
    }
  }

  @Test
  void storesEveryReadingOnceWhileTheGroupsConnectionsShareTheMessages() {
    assertThat(fixture.getJson("/health").get("broker").get("subscribed_connections").asInt())
        .isEqualTo(3);
    MqttClient publisher = fixture.publisher();
    Instant base = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.MILLIS);
    for (int i = 0; i < READINGS; i++) {
      Machine m = DemoPlant.MACHINES.get(i % DemoPlant.MACHINES.size());
      NodeFixture.publish(
          publisher,
          m.mqttTopic() + "/energy",
          "{\"time\":\""
              + base.plusMillis(i)
              + "\",\"machine_id\":\""
              + m.id()
              + "\",\"power_kw\":12,\"energy_kwh\":0.003}");
    }
    NodeFixture.await(
        "all readings stored",
        Duration.ofSeconds(30),
        () -> fixture.count("SELECT count(*) FROM energy_readings") >= READINGS);
    assertThat(fixture.count("SELECT count(*) FROM energy_readings")).isEqualTo(READINGS);
    assertThat(fixture.count("SELECT count(*) FROM ingest_rejects")).isZero();
  }
}
