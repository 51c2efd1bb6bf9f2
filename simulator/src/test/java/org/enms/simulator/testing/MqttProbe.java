package org.enms.simulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.enms.core.json.Json;

/** A Paho subscriber that collects received messages for assertions. */
public final class MqttProbe implements AutoCloseable {

  /** A received message with its JSON payload. */
  public record Received(String topic, JsonNode payload, boolean retained) {}

  private final MqttClient client;
  private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();

  private MqttProbe(MqttClient client) {
    this.client = client;
  }

  public static MqttProbe subscribe(String brokerUrl, String filter) throws MqttException {
    var client = new MqttClient(brokerUrl, "probe-" + UUID.randomUUID(), new MemoryPersistence());
    var options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    client.connect(options);
    var probe = new MqttProbe(client);
    client.subscribe(
        filter,
        1,
        (topic, message) -> {
          try {
            probe.received.add(
                new Received(
                    topic, Json.mapper().readTree(message.getPayload()), message.isRetained()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    return probe;
  }

  /** Waits until a message matching {@code condition} arrives; fails after {@code timeout}. */
  public Received await(Predicate<Received> condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Received next = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError("no matching message within " + timeout);
      }
      if (condition.test(next)) {
        return next;
      }
    }
  }

  /** Collects messages until {@code count} arrived or the timeout passed, and returns them. */
  public List<Received> collect(int count, Duration timeout) throws InterruptedException {
    List<Received> result = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (result.size() < count) {
      long left = deadline - System.nanoTime();
      Received next = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (next == null) {
        break;
      }
      result.add(next);
    }
    return result;
  }

  /** Collects messages until none arrived for {@code quiet}. */
  public List<Received> drain(Duration quiet) throws InterruptedException {
    List<Received> result = new ArrayList<>();
    Received next;
    while ((next = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
      result.add(next);
    }
    return result;
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
