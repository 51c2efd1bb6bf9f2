package org.enms.simulator.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.enms.core.json.Json;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import org.enms.core.reading.DataType;
import org.enms.core.reading.Topic;
import org.enms.simulator.mqtt.Publisher;

/**
 * Publishes historical readings from a CSV ({@code time,machine_id,power_kw,energy_kwh
 * [,production_count]}) as energy and, where a count is given, production messages.
 *
 * <p>The original timestamps are kept, not shifted to now: replay exists to feed known history
 * (baseline training, back-fills), and the ingest accepts past data within its configured limits,
 * so very old files may be rejected there. Rows are published in file order, spaced by the
 * difference of their timestamps divided by {@code speedUp} (0 publishes as fast as the broker
 * acknowledges); a row earlier than its predecessor is published at once. Demo-plant machines use
 * their own topic prefix, other machines {@code factory/replay/{machine_id}}.
 */
public final class ReplayPublisher {
  static final String HEADER_PREFIX = "time,machine_id,power_kw,energy_kwh";

  private final Publisher publisher;
  private final double speedUp;
  private final int qos;

  /**
   * @param speedUp history seconds per wall-clock second; 0 means no pacing
   */
  public ReplayPublisher(Publisher publisher, double speedUp, int qos) {
    if (speedUp < 0) {
      throw new IllegalArgumentException("speed-up must be >= 0");
    }
    this.publisher = publisher;
    this.speedUp = speedUp;
    this.qos = qos;
  }

  /** Replays every row and returns how many readings were published (energy + production). */
  public long replay(BufferedReader csv) throws IOException, InterruptedException {
    String header = csv.readLine();
    if (header == null || !header.trim().toLowerCase().startsWith(HEADER_PREFIX)) {
      throw new IllegalArgumentException("CSV header must start with " + HEADER_PREFIX);
    }
    long startNanos = System.nanoTime();
    Instant first = null;
    long published = 0;
    int lineNumber = 1;
    String line;
    while ((line = csv.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      ReplayRow row = ReplayRow.parse(line, lineNumber);
      if (first == null) {
        first = row.time();
      }
      waitUntil(startNanos, Duration.between(first, row.time()));
      published += publish(row);
    }
    publisher.awaitIdle(Duration.ofSeconds(30));
    return published;
  }

  private void waitUntil(long startNanos, Duration historyOffset) throws InterruptedException {
    if (speedUp == 0 || historyOffset.isNegative()) {
      return;
    }
    long due = startNanos + (long) (historyOffset.toNanos() / speedUp);
    long wait = due - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  private int publish(ReplayRow row) throws InterruptedException {
    String prefix = topicPrefix(row.machineId());
    Map<String, Object> energy = new LinkedHashMap<>();
    energy.put("time", row.time());
    energy.put("machine_id", row.machineId());
    energy.put("power_kw", row.powerKw());
    energy.put("energy_kwh", row.energyKwh());
    send(Topic.of(prefix, DataType.ENERGY), energy);
    if (row.productionCount().isEmpty()) {
      return 1;
    }
    long count = row.productionCount().getAsLong();
    Map<String, Object> production = new LinkedHashMap<>();
    production.put("time", row.time());
    production.put("machine_id", row.machineId());
    production.put("production_count", count);
    production.put("production_count_good", count);
    production.put("production_count_bad", 0L);
    production.put("operating_mode", count > 0 ? "running" : "idle");
    send(Topic.of(prefix, DataType.PRODUCTION), production);
    return 2;
  }

  private void send(String topic, Map<String, Object> payload) throws InterruptedException {
    try {
      publisher.publish(topic, Json.mapper().writeValueAsBytes(payload), qos, false);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String topicPrefix(UUID machineId) {
    return DemoPlant.MACHINES.stream()
        .filter(m -> m.id().equals(machineId))
        .map(Machine::mqttTopic)
        .findFirst()
        .orElse(Topic.ROOT + "/replay/" + machineId);
  }
}
