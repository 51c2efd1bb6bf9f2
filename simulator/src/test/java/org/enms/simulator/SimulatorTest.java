package org.enms.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import org.enms.core.reading.Topic;
import org.enms.simulator.mqtt.MqttSettings;
import org.enms.simulator.testing.EmbeddedBroker;
import org.enms.simulator.testing.MqttProbe;
import org.enms.simulator.testing.MqttProbe.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorTest {
  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  static SimulatorSettings settings(String clientId) {
    return SimulatorSettings.fromConfig(ConfigFactory.load())
        .withMqtt(MqttSettings.anonymous(broker.url(), clientId, 1000))
        .withSpeedUp(30.0);
  }

  @Test
  void referenceConfigDefaultsToTheOriginalPortLocalBrokerAndRealTime() {
    var defaults = SimulatorSettings.fromConfig(ConfigFactory.defaultReference());
    assertThat(defaults.httpPort()).isEqualTo(8003);
    assertThat(defaults.autoStart()).isTrue();
    assertThat(defaults.speedUp()).isEqualTo(1.0);
    assertThat(defaults.mqtt().clientId()).isEqualTo("enms-simulator");
    if (System.getenv("ENMS_MQTT_URL") == null) {
      assertThat(defaults.mqtt().brokerUrl()).isEqualTo("tcp://127.0.0.1:1883");
    }
  }

  @Test
  void demoPlantPublishesEveryMachinesTopicsWithItsIdAndUtcTimestamps() throws Exception {
    try (var probe = MqttProbe.subscribe(broker.url(), "factory/#")) {
      Simulator simulator = Simulator.create(settings("sim-demo"));
      simulator.publisher().connected().toCompletableFuture().get(10, TimeUnit.SECONDS);
      simulator.startMachines();
      try {
        Set<String> expected = new HashSet<>();
        for (Machine m : DemoPlant.MACHINES) {
          List<String> kinds =
              m.name().equals("Boiler-1")
                  ? List.of(
                      "electricity",
                      "natural_gas",
                      "steam",
                      "production",
                      "environmental",
                      "status")
                  : List.of("energy", "production", "environmental", "status");
          kinds.forEach(k -> expected.add(m.mqttTopic() + "/" + k));
        }
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!seen.containsAll(expected) && System.nanoTime() < deadline) {
          Received r = probe.await(x -> true, Duration.ofSeconds(10));
          seen.add(r.topic());
          assertThat(Topic.parse(r.topic())).as(r.topic()).isPresent();
          Machine machine =
              DemoPlant.MACHINES.stream()
                  .filter(m -> r.topic().startsWith(m.mqttTopic() + "/"))
                  .findFirst()
                  .orElseThrow();
          assertThat(r.payload().get("machine_id").asText()).isEqualTo(machine.id().toString());
          String time =
              r.payload().has("time")
                  ? r.payload().get("time").asText()
                  : r.payload().get("timestamp").asText();
          assertThat(time).endsWith("Z");
          assertThat(Instant.parse(time))
              .isCloseTo(
                  Instant.now(),
                  org.assertj.core.api.Assertions.within(
                      30, java.time.temporal.ChronoUnit.SECONDS));
          if (r.topic().endsWith("/energy")) {
            assertThat(r.payload().get("energy_total_kwh").asDouble())
                .isGreaterThanOrEqualTo(r.payload().get("energy_kwh").asDouble());
          }
        }
        assertThat(seen).containsAll(expected);
      } finally {
        simulator.shutdown().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void embeddedStartRunsTheMachinesOnceConnectedAndStopsThemWithTheActorSystem() throws Exception {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "embedded-simulator");
    var settings = settings("sim-embedded").withHttp("127.0.0.1", EmbeddedBroker.freePort());
    Simulator simulator = Simulator.start(system, settings);
    try (var probe = MqttProbe.subscribe(broker.url(), "factory/demo/compressor-1/energy")) {
      probe.await(r -> true, Duration.ofSeconds(10));
      assertThat(simulator.plant().runningCount()).isEqualTo(DemoPlant.MACHINES.size());
      assertThat(simulator.publisher().failed()).isZero();
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(15, TimeUnit.SECONDS);
    }
    assertThat(simulator.plant().runningCount()).isZero();
    assertThat(simulator.publisher().isConnected()).isFalse();
  }

  @Test
  void shutdownLeavesARetainedOfflineStatusForEveryMachine() throws Exception {
    Simulator simulator = Simulator.create(settings("sim-shutdown"));
    simulator.publisher().connected().toCompletableFuture().get(10, TimeUnit.SECONDS);
    simulator.startMachines();
    simulator.shutdown().toCompletableFuture().get(10, TimeUnit.SECONDS);

    // The simulator is gone, so whatever a new subscriber gets was retained by the broker
    // (Moquette 0.17 does not set the retained flag on such deliveries, so it is not asserted).
    try (var late = MqttProbe.subscribe(broker.url(), "factory/+/+/status")) {
      List<Received> statuses = late.collect(DemoPlant.MACHINES.size(), Duration.ofSeconds(5));
      assertThat(statuses)
          .hasSize(DemoPlant.MACHINES.size())
          .allSatisfy(
              r -> {
                assertThat(r.payload().get("is_running").asBoolean()).isFalse();
                assertThat(r.payload().get("operating_mode").asText()).isEqualTo("offline");
              });
    }
  }
}
