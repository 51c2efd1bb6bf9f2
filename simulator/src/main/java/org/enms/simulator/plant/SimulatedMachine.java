package org.enms.simulator.plant;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.enms.core.plant.Machine;
import org.enms.core.reading.DataType;
import org.enms.core.reading.Topic;
import org.enms.simulator.physics.Anomaly;
import org.enms.simulator.physics.AnomalyInfluence;
import org.enms.simulator.physics.AnomalyKind;
import org.enms.simulator.physics.MachinePhysics;
import org.enms.simulator.physics.Message;
import org.enms.simulator.physics.Noise;
import org.enms.simulator.physics.Sample;

/**
 * One machine of the demo plant: its model, running state, injected anomaly, counters and meter
 * registers, and the translation of a model tick into MQTT messages with the original's payloads
 * (plus {@code energy_total_kwh}, the cumulative register a real meter reports, on every energy
 * message).
 *
 * <p>Thread-safe: ticks come from the scheduler thread, control and state queries from HTTP
 * threads; every method synchronises on the instance.
 */
public final class SimulatedMachine {
  static final String RUNNING = "running";
  static final String OFFLINE = "offline";

  private final Machine machine;
  private final MachinePhysics physics;
  private final RandomGenerator random;
  private final Map<DataType, Double> registersKwh = new EnumMap<>(DataType.class);

  private boolean running;
  private String operatingMode = OFFLINE;
  private double currentPowerKw;
  private long readingsGenerated;
  private long totalProductionCount;
  private Instant lastReadingTime;
  private Anomaly anomaly;

  public SimulatedMachine(Machine machine, MachinePhysics physics, RandomGenerator random) {
    this.machine = machine;
    this.physics = physics;
    this.random = random;
  }

  /** A machine with the model its type calls for. */
  public static SimulatedMachine of(Machine machine, RandomGenerator random) {
    return new SimulatedMachine(machine, MachinePhysics.forMachine(machine), random);
  }

  public Machine machine() {
    return machine;
  }

  public synchronized boolean isRunning() {
    return running;
  }

  public synchronized void start() {
    running = true;
    operatingMode = RUNNING;
  }

  /** Stops the machine and returns the retained status that tells subscribers it is offline. */
  public synchronized MachineMessage stop(Instant time) {
    running = false;
    operatingMode = OFFLINE;
    currentPowerKw = 0.0;
    return statusMessage(time);
  }

  /**
   * Generates the messages of the interval ending at {@code time}; none while stopped. An anomaly
   * whose end has passed is cleared first.
   */
  public synchronized List<MachineMessage> tick(Instant time) {
    if (!running) {
      return List.of();
    }
    Instant stamp = time.truncatedTo(ChronoUnit.MILLIS);
    if (anomaly != null && anomaly.hasEndedAt(stamp)) {
      anomaly = null;
    }
    AnomalyInfluence influence =
        anomaly == null ? AnomalyInfluence.NONE : anomaly.influenceAt(stamp);
    Sample sample = physics.next(stamp, influence, random);

    currentPowerKw = Noise.round(sample.powerKw(), 3);
    operatingMode = sample.operatingMode();
    totalProductionCount += sample.productionCount();
    lastReadingTime = stamp;
    readingsGenerated++;

    List<MachineMessage> messages = new ArrayList<>(sample.messages().size() + 1);
    for (Message message : sample.messages()) {
      messages.add(toMqtt(stamp, message));
    }
    messages.add(statusMessage(stamp));
    return messages;
  }

  /**
   * Injects an anomaly, replacing any previous one.
   *
   * @throws IllegalArgumentException when this machine type does not support {@code kind}, or
   *     severity or duration are out of range
   */
  public synchronized Anomaly injectAnomaly(
      AnomalyKind kind, double severity, Instant startAt, Duration duration) {
    if (!kind.appliesTo(machine.type())) {
      throw new IllegalArgumentException(
          "anomaly type "
              + kind.wireName()
              + " is not supported by "
              + machine.type().wireName()
              + " machines; supported: "
              + AnomalyKind.forType(machine.type()).stream().map(AnomalyKind::wireName).toList());
    }
    anomaly = Anomaly.starting(kind, severity, startAt.truncatedTo(ChronoUnit.MILLIS), duration);
    return anomaly;
  }

  /** Removes the anomaly; returns whether one was set. */
  public synchronized boolean clearAnomaly() {
    boolean had = anomaly != null;
    anomaly = null;
    return had;
  }

  public synchronized Optional<Anomaly> anomaly(Instant now) {
    return anomaly == null || anomaly.hasEndedAt(now) ? Optional.empty() : Optional.of(anomaly);
  }

  public synchronized MachineState state(Instant now) {
    Anomaly current = anomaly(now).orElse(null);
    return new MachineState(
        machine.id(),
        machine.name(),
        machine.type().wireName(),
        running,
        operatingMode,
        currentPowerKw,
        machine.intervalSeconds(),
        readingsGenerated,
        lastReadingTime,
        current != null && current.isActiveAt(now),
        current == null ? null : current.kind().wireName(),
        current == null ? null : current.severity(),
        current == null ? null : current.startsAt(),
        current == null ? null : current.endsAt(),
        Noise.round(registerKwh(DataType.ENERGY) + registerKwh(DataType.ELECTRICITY), 6),
        totalProductionCount);
  }

  public synchronized long readingsGenerated() {
    return readingsGenerated;
  }

  private double registerKwh(DataType type) {
    return registersKwh.getOrDefault(type, 0.0);
  }

  private MachineMessage toMqtt(Instant time, Message message) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(timeField(message.dataType()), time);
    payload.put("machine_id", machine.id());
    payload.putAll(message.fields());
    if (message.dataType().isEnergy()) {
      double total = registerKwh(message.dataType()) + message.energyKwh();
      registersKwh.put(message.dataType(), total);
      payload.put("energy_total_kwh", Noise.round(total, 6));
    }
    return new MachineMessage(Topic.of(machine.mqttTopic(), message.dataType()), payload, false);
  }

  private MachineMessage statusMessage(Instant time) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("timestamp", time.truncatedTo(ChronoUnit.MILLIS));
    payload.put("machine_id", machine.id());
    payload.put("is_running", running);
    payload.put("operating_mode", operatingMode);
    payload.put("current_power_kw", currentPowerKw);
    return new MachineMessage(Topic.of(machine.mqttTopic(), DataType.STATUS), payload, true);
  }

  /**
   * The original names the timestamp {@code timestamp} on status and on the boiler's carrier
   * messages, {@code time} everywhere else; the ingest accepts either.
   */
  static String timeField(DataType type) {
    return switch (type) {
      case ELECTRICITY, NATURAL_GAS, STEAM, STATUS -> "timestamp";
      default -> "time";
    };
  }
}
