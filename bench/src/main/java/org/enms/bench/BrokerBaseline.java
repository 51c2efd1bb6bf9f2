package org.enms.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.enms.simulator.mqtt.MqttSettings;
import org.enms.simulator.mqtt.Publisher;

/**
 * What the broker and Paho manage without EnMS: plain Paho publishers (the simulator's {@link
 * Publisher}, the same client the load generator uses) flat out into one plain Paho subscriber at
 * QoS 1 that acknowledges as soon as a message arrives, with messages of the size the pipeline run
 * carried. The pipeline's rate over this rate says how much of the broker's capacity EnMS keeps.
 */
final class BrokerBaseline {
  private static final String TOPIC = "bench/baseline";

  private BrokerBaseline() {}

  /** Subscriber-side outcome: messages received and the time from the first to the last. */
  record Result(long published, long received, Duration elapsed) {
    double messagesPerSecond() {
      return elapsed.isZero() ? 0 : received * 1e9 / elapsed.toNanos();
    }
  }

  static Result run(
      String brokerUrl,
      int publishers,
      int maxInflight,
      byte[] payload,
      Duration duration,
      PrintStream out)
      throws Exception {
    var received = new LongAdder();
    var first = new AtomicLong();
    var last = new AtomicLong();
    MqttAsyncClient subscriber =
        new MqttAsyncClient(brokerUrl, "enms-bench-baseline-sub", new MemoryPersistence());
    subscriber.setCallback(
        new MqttCallback() {
          @Override
          public void connectionLost(Throwable cause) {
            out.println("baseline subscriber lost its connection: " + cause);
          }

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            long now = System.nanoTime();
            first.compareAndSet(0, now);
            last.set(now);
            received.increment();
          }

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {}
        });
    var options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    subscriber.connect(options).waitForCompletion(10_000);
    subscriber.subscribe(TOPIC + "/#", 1).waitForCompletion(10_000);

    List<Publisher> clients = new ArrayList<>();
    List<Thread> senders = new ArrayList<>();
    var published = new LongAdder();
    try {
      for (int i = 0; i < publishers; i++) {
        Publisher p =
            Publisher.connect(
                MqttSettings.anonymous(brokerUrl, "enms-bench-baseline-pub-" + i, maxInflight));
        p.connected().toCompletableFuture().get(10, TimeUnit.SECONDS);
        clients.add(p);
      }
      long deadline = System.nanoTime() + duration.toNanos();
      for (int i = 0; i < publishers; i++) {
        Publisher p = clients.get(i);
        String topic = TOPIC + "/" + i;
        Thread t =
            new Thread(
                () -> {
                  try {
                    while (System.nanoTime() < deadline) {
                      p.publish(topic, payload, 1, false).thenRun(published::increment);
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "baseline-sender-" + i);
        senders.add(t);
        t.start();
      }
      long start = System.nanoTime();
      long lastCount = 0;
      long lastTime = start;
      while (senders.stream().anyMatch(Thread::isAlive)) {
        TimeUnit.SECONDS.sleep(5);
        long now = System.nanoTime();
        long count = received.sum();
        out.printf(
            "baseline: received %,d messages, %,.0f msg/s%n",
            count, (count - lastCount) * 1e9 / (now - lastTime));
        lastCount = count;
        lastTime = now;
      }
      for (Thread t : senders) {
        t.join();
      }
      for (Publisher p : clients) {
        p.awaitIdle(Duration.ofSeconds(30));
      }
      // the subscriber may still be draining what the broker queued for it
      long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (received.sum() < published.sum() && System.nanoTime() < drainDeadline) {
        TimeUnit.MILLISECONDS.sleep(20);
      }
      return new Result(
          published.sum(), received.sum(), Duration.ofNanos(Math.max(0, last.get() - first.get())));
    } finally {
      clients.forEach(Publisher::close);
      try {
        subscriber.disconnect().waitForCompletion(5_000);
        subscriber.close();
      } catch (MqttException e) {
        out.println("baseline subscriber did not disconnect cleanly: " + e.getMessage());
      }
    }
  }
}
