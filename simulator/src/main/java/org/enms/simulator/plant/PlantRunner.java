package org.enms.simulator.plant;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.enms.core.json.Json;
import org.enms.core.plant.Machine;
import org.enms.simulator.mqtt.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the simulated plant: one scheduler thread ticks every running machine at its interval
 * (divided by the speed-up) and hands the messages to the {@link Publisher} at QoS 1.
 *
 * <p>Timestamps are the wall clock, also under speed-up, so the ingest never sees future data; each
 * message still accounts for the machine's nominal interval of energy, so a sped-up plant reports
 * more energy per wall-clock hour than it would in reality.
 */
public final class PlantRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PlantRunner.class);
  static final int QOS = 1;

  private final Map<UUID, SimulatedMachine> machines = new LinkedHashMap<>();
  private final Map<UUID, ScheduledFuture<?>> schedules = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;
  private final Publisher publisher;
  private final Clock clock;
  private final double speedUp;
  private volatile Instant startedAt;

  /**
   * @param speedUp divides every machine's interval; 1.0 is real time
   * @param seed seeds the machines' random generators (machine i gets {@code seed + i})
   */
  public PlantRunner(
      List<Machine> plant, Publisher publisher, Clock clock, double speedUp, long seed) {
    if (!(speedUp > 0)) {
      throw new IllegalArgumentException("speed-up must be positive");
    }
    this.publisher = publisher;
    this.clock = clock;
    this.speedUp = speedUp;
    for (int i = 0; i < plant.size(); i++) {
      Machine machine = plant.get(i);
      machines.put(machine.id(), SimulatedMachine.of(machine, new SplittableRandom(seed + i)));
    }
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "enms-simulator-ticks");
              t.setDaemon(true);
              return t;
            });
  }

  public Clock clock() {
    return clock;
  }

  public List<SimulatedMachine> machines() {
    return List.copyOf(machines.values());
  }

  public Optional<SimulatedMachine> machine(UUID id) {
    return Optional.ofNullable(machines.get(id));
  }

  /** Starts every machine. */
  public void startAll() {
    start(machines.keySet());
  }

  /** Stops every machine. */
  public void stopAll() {
    stop(machines.keySet());
  }

  /**
   * Starts the given machines (already running ones are left alone).
   *
   * @throws NoSuchElementException when an id is not part of the plant
   */
  public synchronized void start(Collection<UUID> ids) {
    List<SimulatedMachine> selected = select(ids);
    for (SimulatedMachine machine : selected) {
      if (machine.isRunning()) {
        continue;
      }
      machine.start();
      long periodMicros =
          Math.max(1L, (long) (machine.machine().intervalSeconds() * 1e6 / speedUp));
      schedules.put(
          machine.machine().id(),
          scheduler.scheduleAtFixedRate(
              () -> tick(machine), 0, periodMicros, TimeUnit.MICROSECONDS));
    }
    if (startedAt == null && runningCount() > 0) {
      startedAt = clock.instant();
    }
  }

  /**
   * Stops the given machines and publishes their retained offline status.
   *
   * @throws NoSuchElementException when an id is not part of the plant
   */
  public synchronized void stop(Collection<UUID> ids) {
    for (SimulatedMachine machine : select(ids)) {
      ScheduledFuture<?> schedule = schedules.remove(machine.machine().id());
      if (schedule != null) {
        schedule.cancel(false);
      }
      if (machine.isRunning()) {
        // On the scheduler so the offline status cannot overtake a tick already queued.
        scheduler.execute(() -> publish(machine.stop(clock.instant())));
      }
    }
    if (runningCount() == 0) {
      startedAt = null;
    }
  }

  public int runningCount() {
    return (int) machines.values().stream().filter(SimulatedMachine::isRunning).count();
  }

  public SimulatorStatus status() {
    Instant now = clock.instant();
    Instant since = startedAt;
    int running = runningCount();
    return new SimulatorStatus(
        running > 0 ? "running" : "stopped",
        since == null ? 0.0 : Duration.between(since, now).toMillis() / 1000.0,
        machines.values().stream().map(m -> m.machine().factoryId()).distinct().count(),
        machines.size(),
        running,
        machines.values().stream().mapToLong(SimulatedMachine::readingsGenerated).sum(),
        publisher.isConnected(),
        publisher.published(),
        publisher.failed(),
        new SimulatorStatus.Configuration(publisher.brokerUrl(), speedUp));
  }

  public boolean mqttConnected() {
    return publisher.isConnected();
  }

  /** Stops the scheduler after letting queued offline statuses go out; does not close MQTT. */
  @Override
  public void close() {
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      scheduler.shutdownNow();
    }
  }

  private List<SimulatedMachine> select(Collection<UUID> ids) {
    return ids.stream()
        .map(
            id ->
                machine(id)
                    .orElseThrow(() -> new NoSuchElementException("Machine not found: " + id)))
        .toList();
  }

  private void tick(SimulatedMachine machine) {
    try {
      machine.tick(clock.instant()).forEach(this::publish);
    } catch (RuntimeException e) {
      // A failing tick must not cancel the machine's schedule.
      log.warn("tick of {} failed", machine.machine().name(), e);
    }
  }

  private void publish(MachineMessage message) {
    try {
      publisher.publish(
          message.topic(),
          Json.mapper().writeValueAsBytes(message.payload()),
          QOS,
          message.retained());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + message.topic(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
