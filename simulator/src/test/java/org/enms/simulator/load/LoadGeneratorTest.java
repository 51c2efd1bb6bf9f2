package org.enms.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.enms.simulator.testing.EmbeddedBroker;
import org.enms.simulator.testing.MqttProbe;
import org.enms.simulator.testing.MqttProbe.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static LoadSettings settings(
      int machines, double rate, int connections, int batch, long count) {
    return new LoadSettings(
        broker.url(),
        "load-test-" + UUID.randomUUID(),
        machines,
        rate,
        connections,
        1,
        batch,
        100,
        Optional.empty(),
        OptionalLong.of(count));
  }

  @Test
  void publishesExactlyTheRequestedCountOverSeveralConnections() throws Exception {
    try (var probe = MqttProbe.subscribe(broker.url(), "factory/load/+/energy")) {
      var out = new ByteArrayOutputStream();
      LoadReport report =
          new LoadGenerator(settings(10, 2000, 3, 1, 1001), new PrintStream(out)).run();

      assertThat(report.readings()).isEqualTo(1001);
      assertThat(report.messages()).isEqualTo(1001);
      assertThat(report.failed()).isZero();
      List<Received> received = probe.collect(1001, Duration.ofSeconds(20));
      assertThat(probe.drain(Duration.ofMillis(300))).isEmpty();
      assertThat(received).hasSize(1001);

      Set<String> machineIds = new HashSet<>();
      for (Received r : received) {
        String id = r.payload().get("machine_id").asText();
        machineIds.add(id);
        assertThat(r.topic()).isEqualTo("factory/load/" + id + "/energy");
        assertThat(r.payload().get("power_kw").asDouble()).isBetween(9.0, 106.0);
        // 10 machines at 2000 readings/s: each reports every 5 ms
        assertThat(r.payload().get("energy_kwh").asDouble())
            .isCloseTo(
                r.payload().get("power_kw").asDouble() * 0.005 / 3600,
                org.assertj.core.data.Offset.offset(1e-6));
      }
      Set<String> expected = new HashSet<>();
      for (int i = 0; i < 10; i++) {
        expected.add(LoadMachines.machineId(i).toString());
      }
      assertThat(machineIds).isEqualTo(expected);
    }
  }

  @Test
  void batchModePacksReadingsIntoGatewayMessagesAndStillHitsTheCount() throws Exception {
    try (var probe = MqttProbe.subscribe(broker.url(), "factory/load/+/batch")) {
      LoadReport report =
          new LoadGenerator(
                  settings(20, 0, 2, 50, 1234), new PrintStream(new ByteArrayOutputStream()))
              .run();

      assertThat(report.readings()).isEqualTo(1234);
      List<Received> received = probe.drain(Duration.ofSeconds(1));
      int readings = 0;
      for (Received r : received) {
        String gateway = r.payload().get("gateway_id").asText();
        assertThat(gateway).matches("gateway-[01]");
        assertThat(r.topic()).isEqualTo("factory/load/" + gateway + "/batch");
        JsonNode list = r.payload().get("readings");
        assertThat(list.size()).isBetween(1, 50);
        for (JsonNode reading : list) {
          assertThat(reading.get("data_type").asText()).isEqualTo("energy");
          assertThat(reading.has("machine_id")).isTrue();
          assertThat(Instant.parse(reading.get("time").asText())).isNotNull();
          assertThat(reading.has("power_kw")).isTrue();
          assertThat(reading.has("energy_kwh")).isTrue();
        }
        readings += list.size();
      }
      assertThat(readings).isEqualTo(1234);
      assertThat(report.messages()).isEqualTo(received.size());
    }
  }

  @Test
  void mixesInOneInterleavedMessageAfterEveryFewReadingsOfEachConnection() throws Exception {
    try (var probe = MqttProbe.subscribe(broker.url(), "factory/mixed/#")) {
      var acknowledged = new java.util.concurrent.atomic.AtomicInteger();
      var extra =
          new Interleaved(
              4,
              () ->
                  new Interleaved.Message(
                      "factory/mixed/x/energy",
                      "{}".getBytes(StandardCharsets.UTF_8),
                      acknowledged::incrementAndGet));
      LoadReport report =
          new LoadGenerator(
                  settings(10, 0, 2, 1, 400), new PrintStream(new ByteArrayOutputStream()), extra)
              .run();

      assertThat(report.readings()).isEqualTo(400);
      // 200 readings on each connection, one mixed in after every 4th
      assertThat(probe.collect(100, Duration.ofSeconds(20))).hasSize(100);
      assertThat(report.messages()).isEqualTo(500);
      assertThat(acknowledged).hasValue(100);
    }
  }

  @Test
  void aPercentOfAllMessagesIsOneAfterEveryFewLoadMessages() {
    assertThat(Interleaved.percent(1, () -> null).every()).isEqualTo(99);
    assertThat(Interleaved.percent(10, () -> null).every()).isEqualTo(9);
    assertThat(Interleaved.percent(50, () -> null).every()).isEqualTo(1);
  }

  @Test
  void stopsAtTheDurationAndHoldsTheRequestedRate() throws Exception {
    var out = new ByteArrayOutputStream();
    var settings =
        new LoadSettings(
            broker.url(),
            "load-rate",
            5,
            500,
            1,
            0,
            1,
            100,
            Optional.of(Duration.ofSeconds(2)),
            OptionalLong.empty());
    LoadReport report = new LoadGenerator(settings, new PrintStream(out)).run();
    assertThat(report.readings()).isBetween(900L, 1010L);
    assertThat(report.elapsed()).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void loadMachineIdsAreNameUuidsOfTheirIndex() {
    assertThat(LoadMachines.machineId(7))
        .isEqualTo(UUID.nameUUIDFromBytes("load-machine-7".getBytes(StandardCharsets.UTF_8)));
    assertThat(
            LoadGenerator.share(1001, 0, 10, 3)
                + LoadGenerator.share(1001, 1, 10, 3)
                + LoadGenerator.share(1001, 2, 10, 3))
        .isEqualTo(1001);
  }
}
