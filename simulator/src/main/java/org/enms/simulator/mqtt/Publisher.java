package org.enms.simulator.mqtt;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT connection the simulator publishes through: a Paho async client with a clean session,
 * automatic reconnect (and retried initial connect, which Paho does not do by itself), in-memory
 * persistence and a raised in-flight window.
 *
 * <p>{@link #publish} blocks while {@code maxInflight} messages await their acknowledgement, so a
 * fast producer (load mode) is paced by the broker instead of failing with "too many publishes in
 * progress". While disconnected a publish fails at once and is counted, nothing is buffered: a
 * simulator's stale readings are not worth replaying.
 */
public final class Publisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Publisher.class);
  private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

  private final MqttAsyncClient client;
  private final MqttConnectOptions options;
  private final Semaphore window;
  private final int maxInflight;
  private final ScheduledExecutorService retries;
  private final LongAdder published = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final CompletableFuture<Void> firstConnect = new CompletableFuture<>();
  private volatile boolean closed;

  private Publisher(MqttAsyncClient client, MqttConnectOptions options, int maxInflight) {
    this.client = client;
    this.options = options;
    this.maxInflight = maxInflight;
    this.window = new Semaphore(maxInflight);
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "mqtt-connect-" + client.getClientId());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Creates the client and starts connecting in the background; {@link #connected()} completes on
   * the first successful connection.
   */
  public static Publisher connect(MqttSettings settings) {
    try {
      var client =
          new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
      var options = new MqttConnectOptions();
      options.setCleanSession(true);
      options.setAutomaticReconnect(true);
      options.setKeepAliveInterval(60);
      options.setMaxInflight(settings.maxInflight());
      options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
      settings.username().ifPresent(options::setUserName);
      settings.password().ifPresent(p -> options.setPassword(p.toCharArray()));
      var publisher = new Publisher(client, options, settings.maxInflight());
      publisher.attemptConnect(Duration.ofSeconds(1));
      return publisher;
    } catch (MqttException e) {
      throw new IllegalArgumentException("invalid MQTT settings: " + e.getMessage(), e);
    }
  }

  /** Completes when the client has connected for the first time. */
  public CompletionStage<Void> connected() {
    return firstConnect;
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  /** Messages acknowledged by the broker (QoS 1/2) or written to the socket (QoS 0). */
  public long published() {
    return published.sum();
  }

  /** Messages that could not be sent or were not acknowledged. */
  public long failed() {
    return failed.sum();
  }

  public String brokerUrl() {
    return client.getServerURI();
  }

  /**
   * Publishes one message, waiting for a free slot in the in-flight window. The returned stage
   * completes when the broker acknowledged it and fails when it could not be delivered.
   */
  public CompletionStage<Void> publish(String topic, byte[] payload, int qos, boolean retained)
      throws InterruptedException {
    window.acquire();
    var done = new CompletableFuture<Void>();
    var message = new MqttMessage(payload);
    message.setQos(qos);
    message.setRetained(retained);
    try {
      client.publish(
          topic,
          message,
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              // release last, so awaitIdle() also waits for the callers' completion stages
              published.increment();
              done.complete(null);
              window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
              failed.increment();
              done.completeExceptionally(error);
              window.release();
            }
          });
    } catch (MqttException | RuntimeException e) {
      failed.increment();
      done.completeExceptionally(e);
      window.release();
    }
    return done;
  }

  /** Waits until every message handed to {@link #publish} has completed; false on timeout. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    if (!window.tryAcquire(maxInflight, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return false;
    }
    window.release(maxInflight);
    return true;
  }

  @Override
  public void close() {
    closed = true;
    retries.shutdownNow();
    try {
      if (client.isConnected()) {
        client.disconnect(2_000).waitForCompletion(3_000);
      }
    } catch (MqttException e) {
      log.debug("MQTT disconnect of {} failed: {}", client.getClientId(), e.getMessage());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("MQTT close of {} failed: {}", client.getClientId(), e.getMessage());
    }
  }

  private void attemptConnect(Duration nextDelay) {
    if (closed) {
      return;
    }
    try {
      client.connect(
          options,
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              log.info("MQTT client {} connected to {}", client.getClientId(), brokerUrl());
              firstConnect.complete(null);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
              retryLater(nextDelay, error);
            }
          });
    } catch (MqttException e) {
      retryLater(nextDelay, e);
    }
  }

  // Paho's automatic reconnect only covers connections that were once established.
  private void retryLater(Duration delay, Throwable error) {
    if (closed) {
      return;
    }
    log.warn(
        "MQTT connect to {} failed ({}); retrying in {} s",
        brokerUrl(),
        error.getMessage(),
        delay.toSeconds());
    Duration next =
        delay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0
            ? MAX_RETRY_DELAY
            : delay.multipliedBy(2);
    retries.schedule(() -> attemptConnect(next), delay.toMillis(), TimeUnit.MILLISECONDS);
  }
}
