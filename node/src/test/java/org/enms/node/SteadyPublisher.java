package org.enms.node;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;

/**
 * A gateway that publishes distinct QoS 1 readings of the demo machines at a steady rate and keeps
 * each one until the broker has acknowledged it: while the broker is away it reconnects and
 * publishes the same reading again, as a gateway with a local buffer does. A repeat the broker took
 * twice is one reading in the database (same machine and time).
 */
final class SteadyPublisher implements AutoCloseable {
  private final String brokerUrl;
  private final int ratePerSecond;
  private final Instant base = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.SECONDS);
  private final AtomicLong published = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  SteadyPublisher(String brokerUrl, int ratePerSecond) {
    this.brokerUrl = brokerUrl;
    this.ratePerSecond = ratePerSecond;
    this.thread = new Thread(this::run, "steady-publisher");
    thread.setDaemon(true);
    thread.start();
  }

  /** Readings the broker has acknowledged so far, each a distinct (machine, time). */
  long published() {
    return published.get();
  }

  private void run() {
    List<Machine> machines = DemoPlant.MACHINES;
    MqttClient client = connect(null);
    long started = System.nanoTime();
    for (int i = 0; running.get(); i++) {
      Machine m = machines.get(i % machines.size());
      // 10 ms apart per reading: 60 s at 100/s stays well inside the live window.
      String payload =
          "{\"time\":\""
              + base.plusMillis(10L * i)
              + "\",\"machine_id\":\""
              + m.id()
              + "\",\"power_kw\":"
              + (10 + i % 7)
              + ",\"energy_kwh\":0.001}";
      while (running.get()) {
        try {
          client.publish(
              m.mqttTopic() + "/energy", payload.getBytes(StandardCharsets.UTF_8), 1, false);
          published.incrementAndGet();
          break;
        } catch (MqttException e) {
          client = connect(client);
        }
      }
      pace(started, i + 1);
    }
    try {
      client.disconnect();
      client.close();
    } catch (MqttException | RuntimeException e) {
      // the broker may be gone; nothing is pending once publish() has returned
    }
  }

  /** Connects, retrying every 200 ms until the broker answers or the publisher is stopped. */
  private MqttClient connect(MqttClient previous) {
    if (previous != null) {
      try {
        previous.close(true);
      } catch (MqttException e) {
        // a lost connection may refuse a clean close
      }
    }
    while (running.get()) {
      try {
        MqttClient client =
            new MqttClient(brokerUrl, "steady-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(1000);
        options.setConnectionTimeout(2);
        client.setTimeToWait(5_000);
        client.connect(options);
        return client;
      } catch (MqttException e) {
        sleep(200);
      }
    }
    return previous;
  }

  private void pace(long startedNanos, int sent) {
    long wait = startedNanos + sent * 1_000_000_000L / ratePerSecond - System.nanoTime();
    if (wait > 0) {
      sleep(TimeUnit.NANOSECONDS.toMillis(wait));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops publishing and waits for the reading in hand to be acknowledged or given up. */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(10_000);
  }
}
