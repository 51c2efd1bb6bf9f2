package org.enms.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import org.enms.simulator.http.SimulatorRoutes;
import org.enms.simulator.mqtt.Publisher;
import org.enms.simulator.plant.PlantRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo-plant simulator as one embeddable unit: the MQTT publisher, the plant runner and
 * (optionally) the control API. The EnMS node embeds it with {@link #start(ActorSystem,
 * SimulatorSettings)}; the CLI's {@code run} does the same in its own actor system.
 *
 * <p>Lifecycle: {@link #create} connects MQTT in the background (retrying until the broker is up),
 * {@link #startMachines()} starts ticking, {@link #bindHttp} serves the API, {@link #shutdown()}
 * unbinds, publishes every machine's offline status and disconnects. {@code start(system, ...)}
 * registers the shutdown with the system's {@link CoordinatedShutdown}.
 */
public final class Simulator {
  private static final Logger log = LoggerFactory.getLogger(Simulator.class);

  private final SimulatorSettings settings;
  private final Publisher publisher;
  private final PlantRunner plant;
  private volatile CompletionStage<ServerBinding> binding;
  private volatile boolean shutDown;

  private Simulator(SimulatorSettings settings, Publisher publisher, PlantRunner plant) {
    this.settings = settings;
    this.publisher = publisher;
    this.plant = plant;
  }

  /** A simulator of the demo plant ({@link DemoPlant#MACHINES}), machines not yet started. */
  public static Simulator create(SimulatorSettings settings) {
    return create(settings, DemoPlant.MACHINES, Clock.systemUTC());
  }

  /** A simulator of any plant, with an explicit clock (tests). */
  public static Simulator create(SimulatorSettings settings, List<Machine> machines, Clock clock) {
    Publisher publisher = Publisher.connect(settings.mqtt());
    var plant =
        new PlantRunner(machines, publisher, clock, settings.speedUp(), settings.effectiveSeed());
    return new Simulator(settings, publisher, plant);
  }

  /**
   * Creates the demo-plant simulator, starts its machines once MQTT is connected when {@code
   * auto-start} is set, binds the API when {@code http.enabled} is set, and stops it all in the
   * system's coordinated shutdown.
   */
  public static Simulator start(ActorSystem<?> system, SimulatorSettings settings) {
    Simulator simulator = create(settings);
    if (settings.autoStart()) {
      // Ticks before the first connection would only count as failed publishes.
      simulator.publisher.connected().thenRun(simulator::startMachines);
    }
    if (settings.httpEnabled()) {
      simulator.bindHttp(system);
    }
    CoordinatedShutdown.get(system)
        .addTask(CoordinatedShutdown.PhaseServiceStop(), "stop-simulator", simulator::shutdown);
    return simulator;
  }

  public SimulatorSettings settings() {
    return settings;
  }

  public PlantRunner plant() {
    return plant;
  }

  public Publisher publisher() {
    return publisher;
  }

  /** Starts every machine of the plant; ignored after {@link #shutdown()}. */
  public synchronized void startMachines() {
    if (!shutDown) {
      plant.startAll();
    }
  }

  /** Stops every machine (publishing their offline status); MQTT stays connected. */
  public void stopMachines() {
    plant.stopAll();
  }

  /** Serves {@link SimulatorRoutes} on the configured host and port. */
  public CompletionStage<ServerBinding> bindHttp(ActorSystem<?> system) {
    binding =
        Http.get(system)
            .newServerAt(settings.httpHost(), settings.httpPort())
            .bind(new SimulatorRoutes(plant).routes());
    binding.whenComplete(
        (b, error) -> {
          if (error != null) {
            log.error(
                "simulator API failed to bind {}:{}",
                settings.httpHost(),
                settings.httpPort(),
                error);
          } else {
            log.info("simulator API listening on {}", b.localAddress());
          }
        });
    return binding;
  }

  /** The HTTP binding, when {@link #bindHttp} was called. */
  public Optional<CompletionStage<ServerBinding>> binding() {
    return Optional.ofNullable(binding);
  }

  /**
   * Unbinds the API, stops the machines, waits briefly for their offline statuses to be
   * acknowledged, and disconnects. Idempotent.
   */
  public synchronized CompletionStage<Done> shutdown() {
    if (shutDown) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    shutDown = true;
    CompletionStage<?> unbound =
        binding == null
            ? CompletableFuture.completedFuture(null)
            : binding.thenCompose(ServerBinding::unbind).exceptionally(error -> null);
    return unbound.thenApplyAsync(
        ignored -> {
          plant.stopAll();
          plant.close();
          try {
            publisher.awaitIdle(Duration.ofSeconds(3));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          publisher.close();
          return Done.getInstance();
        },
        CompletableFuture.delayedExecutor(0, TimeUnit.MILLISECONDS));
  }
}
