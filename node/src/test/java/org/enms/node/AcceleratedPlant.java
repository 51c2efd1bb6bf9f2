package org.enms.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.enms.core.json.Json;
import org.enms.core.plant.Machine;
import org.enms.simulator.Simulator;
import org.enms.simulator.SimulatorSettings;
import org.enms.simulator.mqtt.MqttSettings;
import org.enms.simulator.plant.AcceleratedClock;

/**
 * The simulator of some plant machines in the test's JVM, publishing over MQTT to the fixture's
 * broker in accelerated time ({@link AcceleratedClock}, its speed-up the same factor, so each tick
 * is one nominal interval), with its control API on a free port for injecting anomalies.
 */
final class AcceleratedPlant implements AutoCloseable {
  private final ActorSystem<Void> system;
  private final Simulator simulator;
  private final AcceleratedClock clock;
  private final Instant from;
  private final double factor;
  private final long nanosAtStart;
  private final int port = NodeFixture.freePort();
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * @param from the simulated instant at which the machines start, in the past
   * @param factor simulated seconds per wall-clock second
   * @param seed the machines' random seed
   */
  AcceleratedPlant(
      NodeFixture fixture, List<Machine> machines, Instant from, double factor, long seed) {
    this.from = from;
    this.factor = factor;
    system =
        ActorSystem.create(
            Behaviors.empty(),
            "accelerated-plant",
            ConfigFactory.parseString(
                    "pekko.actor.provider = local\n"
                        + "pekko.coordinated-shutdown.exit-jvm = off\n"
                        + "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off")
                .withFallback(ConfigFactory.load()));
    var settings =
        new SimulatorSettings(
            MqttSettings.anonymous(fixture.brokerUrl, "sim-" + fixture.clientId, 1000),
            true,
            "127.0.0.1",
            port,
            false,
            factor,
            seed);
    nanosAtStart = System.nanoTime();
    clock = new AcceleratedClock(Clock.systemUTC(), from, factor);
    simulator = Simulator.create(settings, machines, clock);
    simulator.bindHttp(system).toCompletableFuture().join();
    simulator.publisher().connected().toCompletableFuture().join();
    simulator.startMachines();
  }

  /** The simulated now. */
  Instant now() {
    return clock.instant();
  }

  /** Waits (in wall time) until simulated time reaches {@code at}. */
  void awaitSimulated(Instant at) {
    NodeFixture.await(
        "simulated time to reach " + at,
        Duration.ofMillis((long) (Duration.between(now(), at).toMillis() / factor) + 30_000),
        () -> !now().isBefore(at));
  }

  /** The {@code System.nanoTime()} at which simulated time was {@code at}. */
  long nanosAt(Instant at) {
    return nanosAtStart + (long) (Duration.between(from, at).toNanos() / factor);
  }

  /**
   * {@code POST /simulator/machines/{id}/anomaly}: injects an anomaly starting now; the simulator's
   * answer ({@code started_at}, {@code ends_at} in simulated time).
   */
  JsonNode inject(Machine machine, String kind, double severity, int seconds) {
    String body =
        String.format(
            java.util.Locale.ROOT,
            "{\"anomaly_type\": \"%s\", \"severity\": %.2f, \"duration_seconds\": %d}",
            kind,
            severity,
            seconds);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + port
                              + "/simulator/machines/"
                              + machine.id()
                              + "/anomaly"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError(
            "injection refused: " + response.statusCode() + " " + response.body());
      }
      return Json.mapper().readTree(response.body()).get("data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      simulator.shutdown().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the broker goes with the fixture anyway
    } finally {
      system.terminate();
    }
  }
}
