package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import org.enms.node.testing.NodeProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kill -9 of a node while a client publishes at a steady rate with QoS 1, then a restart: every
 * reading is stored exactly once. The broker (embedded, in this JVM) and PostgreSQL outlive the
 * node process; the node keeps its client id, so its persistent session is resumed and whatever it
 * had not acknowledged is redelivered.
 */
class CrashRecoveryTest {
  private static final int READINGS = 2_000;
  private static final int RATE_PER_SECOND = 200;

  private NodeFixture fixture;
  private NodeProcess node;
  private Path logDir;

  @BeforeEach
  void start() {
    fixture = new NodeFixture();
    logDir = NodeFixture.tempDir("enms-crash-test");
  }

  @AfterEach
  void stop() throws Exception {
    if (node != null) {
      node.close();
    }
    fixture.close();
  }

  @Test
  void storesEveryReadingExactlyOnceAcrossAKillDashNine() throws Exception {
    node = startNode("first");
    NodeFixture.await("the node's API", Duration.ofSeconds(90), fixture::apiUp);

    List<Machine> machines = DemoPlant.MACHINES;
    Instant base = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MILLIS);
    MqttClient publisher = fixture.publisher();
    CompletableFuture<Void> publishing =
        CompletableFuture.runAsync(
            () -> {
              long started = System.nanoTime();
              for (int i = 0; i < READINGS; i++) {
                Machine m = machines.get(i % machines.size());
                Instant t = base.plusMillis(i);
                NodeFixture.publish(
                    publisher,
                    m.mqttTopic() + "/energy",
                    "{\"time\":\""
                        + t
                        + "\",\"machine_id\":\""
                        + m.id()
                        + "\",\"power_kw\":"
                        + (10 + i % 7)
                        + ",\"energy_kwh\":0.001}");
                pace(started, i + 1);
              }
            });

    // Kill mid-stream, while batches are being committed and acknowledged.
    NodeFixture.await(
        "some readings stored before the kill",
        Duration.ofSeconds(30),
        () -> fixture.count("SELECT count(*) FROM energy_readings") > READINGS / 5);
    node.kill();
    long atKill = fixture.count("SELECT count(*) FROM energy_readings");

    node = startNode("second");
    publishing.get(60, TimeUnit.SECONDS);
    publisher.disconnect();

    NodeFixture.await(
        "all " + READINGS + " readings stored",
        Duration.ofSeconds(90),
        () -> fixture.count("SELECT count(*) FROM energy_readings") >= READINGS);
    assertThat(atKill).isLessThan(READINGS);
    assertThat(fixture.count("SELECT count(*) FROM energy_readings")).isEqualTo(READINGS);
    assertThat(
            fixture.count(
                "SELECT count(DISTINCT (machine_id, time, energy_type)) FROM energy_readings"))
        .isEqualTo(READINGS);
  }

  private static void pace(long startedNanos, int sent) {
    long due = startedNanos + sent * 1_000_000_000L / RATE_PER_SECOND;
    long wait = due - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The node as its own JVM, so that it can be killed without mercy. */
  private NodeProcess startNode(String name) {
    Map<String, String> env = new HashMap<>(fixture.processEnvironment());
    env.put("ENMS_DATA_DIR", logDir.resolve("data").toString());
    return NodeProcess.start(List.of("-Xmx512m"), env, logDir.resolve("node-" + name + ".log"));
  }
}
