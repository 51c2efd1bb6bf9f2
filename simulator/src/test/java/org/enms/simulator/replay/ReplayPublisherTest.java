package org.enms.simulator.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.enms.simulator.mqtt.MqttSettings;
import org.enms.simulator.mqtt.Publisher;
import org.enms.simulator.testing.EmbeddedBroker;
import org.enms.simulator.testing.MqttProbe;
import org.enms.simulator.testing.MqttProbe.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReplayPublisherTest {
  private static final String OTHER = "0b6f0d7e-2c51-4c1a-9c3e-5a1b7f1d2e3f";
  private static final String CSV =
      """
      time,machine_id,power_kw,energy_kwh,production_count
      2025-01-15T10:00:00Z,c0000000-0000-0000-0000-000000000003,20.5,0.056944,9
      2025-01-15T10:00:01Z,%s,11.0,0.003056,
      2025-01-15 10:00:02,c0000000-0000-0000-0000-000000000003,21.0,0.058333,8
      """
          .formatted(OTHER);

  private static EmbeddedBroker broker;
  private static Publisher publisher;

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedBroker.start();
    publisher = Publisher.connect(MqttSettings.anonymous(broker.url(), "replay-test", 100));
    publisher.connected().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    publisher.close();
    broker.close();
  }

  @Test
  void publishesRowsInOrderWithTheirOriginalTimestampsAndProductionWhereGiven() throws Exception {
    try (var probe = MqttProbe.subscribe(broker.url(), "factory/#")) {
      long published =
          new ReplayPublisher(publisher, 0, 1).replay(new BufferedReader(new StringReader(CSV)));

      assertThat(published).isEqualTo(5);
      List<Received> received = probe.collect(5, Duration.ofSeconds(10));
      assertThat(received)
          .extracting(Received::topic)
          .containsExactly(
              "factory/demo/conveyor-a/energy",
              "factory/demo/conveyor-a/production",
              "factory/replay/" + OTHER + "/energy",
              "factory/demo/conveyor-a/energy",
              "factory/demo/conveyor-a/production");
      assertThat(received.get(0).payload().get("time").asText()).isEqualTo("2025-01-15T10:00:00Z");
      assertThat(received.get(0).payload().get("power_kw").asDouble()).isEqualTo(20.5);
      assertThat(received.get(1).payload().get("production_count").asLong()).isEqualTo(9);
      assertThat(received.get(3).payload().get("time").asText()).isEqualTo("2025-01-15T10:00:02Z");
      assertThat(received.get(3).payload().get("energy_kwh").asDouble()).isEqualTo(0.058333);
    }
  }

  @Test
  void spacesRowsByTheirTimestampsDividedByTheSpeedUp() throws Exception {
    long start = System.nanoTime();
    new ReplayPublisher(publisher, 4, 1).replay(new BufferedReader(new StringReader(CSV)));
    // 2 s of history at 4× take at least 0.5 s
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(500));
  }

  @Test
  void rejectsAFileWithoutTheExpectedHeader() {
    assertThatThrownBy(
            () ->
                new ReplayPublisher(publisher, 0, 1)
                    .replay(new BufferedReader(new StringReader("a,b,c\n1,2,3\n"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header");
  }
}
