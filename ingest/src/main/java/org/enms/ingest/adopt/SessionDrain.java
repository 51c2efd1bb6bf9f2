package org.enms.ingest.adopt;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.stream.connectors.mqtt.MqttMessage;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.util.ByteString;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.enms.ingest.IngestSettings;
import org.enms.ingest.stream.SafeTopicsNetworkModuleFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties one persistent MQTT session that lost its owner: connects with its client id (clean
 * session off, so the broker resumes it and sends what it holds), unsubscribes the shared
 * subscription at once (the broker then deals the session nothing new), hands every message to
 * {@code deliveries} (the ingest, which acknowledges it once its readings are stored), and
 * disconnects once nothing arrived for the quiet period and everything delivered was acknowledged.
 *
 * <p>Never reconnects. A lost connection means the broker gave the session to someone else (its
 * owner came back under the same client id: a session takeover) or went away; either way the drain
 * ends, and what it had not acknowledged stays in the session for whoever holds it next.
 *
 * <p>Paho is used directly because Pekko Connectors' MQTT source cannot unsubscribe.
 */
public final class SessionDrain {
  private static final Logger log = LoggerFactory.getLogger(SessionDrain.class);

  /** How a drain ended. */
  public enum Outcome {
    /** The session is empty and unsubscribed; nobody needs its client id any more. */
    DRAINED,
    /** The connection was lost before the session was drained, most likely to its owner. */
    LOST,
    /** The broker could not be reached or refused the client id. */
    UNREACHABLE
  }

  /** A message of the adopted session, in the shape the ingest takes from its own connections. */
  private record Adopted(MqttMessage message, Runnable acknowledge) implements MqttMessageWithAck {
    @Override
    public CompletionStage<Done> ack() {
      acknowledge.run();
      return CompletableFuture.completedFuture(Done.getInstance());
    }
  }

  private final MqttAsyncClient client;
  private final String subscription;
  private final long quietNanos;
  private final Consumer<MqttMessageWithAck> deliveries;
  private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private volatile long lastActivity = System.nanoTime();
  private volatile boolean unsubscribed;
  private final AtomicBoolean finishing = new AtomicBoolean();
  private final ScheduledExecutorService timer;
  private volatile ScheduledFuture<?> check;

  private SessionDrain(
      MqttAsyncClient client,
      String subscription,
      Duration quiet,
      Consumer<MqttMessageWithAck> deliveries,
      ScheduledExecutorService timer) {
    this.client = client;
    this.subscription = subscription;
    this.quietNanos = quiet.toNanos();
    this.deliveries = deliveries;
    this.timer = timer;
  }

  /**
   * Starts draining the session {@code clientId} on the broker of {@code settings}.
   *
   * @param deliveries called on Paho's thread, one message at a time; may block to hold the broker
   *     back
   * @param timer runs the quiet-period check
   */
  public static SessionDrain start(
      IngestSettings settings,
      String clientId,
      Duration quiet,
      Consumer<MqttMessageWithAck> deliveries,
      ScheduledExecutorService timer) {
    MqttAsyncClient client;
    try {
      client =
          new MqttAsyncClient(
              SafeTopicsNetworkModuleFactory.forBroker(settings.brokerUrl()),
              clientId,
              new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException("cannot create an MQTT client for " + clientId, e);
    }
    SessionDrain drain =
        new SessionDrain(client, settings.subscription(), quiet, deliveries, timer);
    drain.connect(connectOptions(settings));
    return drain;
  }

  /** Completes when the drain has ended, however. */
  public CompletionStage<Outcome> outcome() {
    return outcome;
  }

  /** Messages the session delivered so far. */
  public long received() {
    return received.get();
  }

  /** Ends the drain now (this node is stopping); what is unacknowledged stays in the session. */
  public void cancel() {
    // Off the caller's thread: a disconnect waits up to seconds for the broker.
    timer.execute(() -> finish(Outcome.LOST));
  }

  private void connect(MqttConnectOptions options) {
    client.setManualAcks(true);
    client.setCallback(
        new MqttCallback() {
          @Override
          public void connectionLost(Throwable cause) {
            if (!finishing.get()) {
              log.info(
                  "adopted mqtt session lost client={} received={} acknowledged={} cause={}",
                  client.getClientId(),
                  received.get(),
                  acknowledged.get(),
                  String.valueOf(cause));
            }
            finish(Outcome.LOST);
          }

          @Override
          public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage m) {
            received.incrementAndGet();
            lastActivity = System.nanoTime();
            int id = m.getId();
            int qos = m.getQos();
            MqttMessage message =
                MqttMessage.create(topic, ByteString.fromArrayUnsafe(m.getPayload()));
            deliveries.accept(new Adopted(message, () -> ack(id, qos)));
          }

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {}
        });
    try {
      client.connect(
          options,
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              unsubscribe();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
              log.warn(
                  "cannot adopt mqtt session client={}: {}",
                  client.getClientId(),
                  error.toString());
              finish(Outcome.UNREACHABLE);
            }
          });
    } catch (MqttException e) {
      log.warn("cannot adopt mqtt session client={}: {}", client.getClientId(), e.toString());
      finish(Outcome.UNREACHABLE);
    }
  }

  private void unsubscribe() {
    try {
      client.unsubscribe(
          subscription,
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              lastActivity = System.nanoTime();
              unsubscribed = true;
              long every = Math.max(TimeUnit.MILLISECONDS.toNanos(50), quietNanos / 4);
              check =
                  timer.scheduleWithFixedDelay(
                      SessionDrain.this::finishIfDrained, every, every, TimeUnit.NANOSECONDS);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
              finish(Outcome.LOST);
            }
          });
    } catch (MqttException e) {
      finish(Outcome.LOST);
    }
  }

  private void ack(int messageId, int qos) {
    try {
      client.messageArrivedComplete(messageId, qos);
      acknowledged.incrementAndGet();
      lastActivity = System.nanoTime();
    } catch (MqttException | RuntimeException e) {
      // The connection is gone: the broker redelivers the message to the session's next holder,
      // and the store keeps the reading once.
      log.debug("ack of an adopted message not sent client={}", client.getClientId(), e);
    }
  }

  private void finishIfDrained() {
    if (unsubscribed
        && acknowledged.get() >= received.get()
        && System.nanoTime() - lastActivity >= quietNanos) {
      finish(Outcome.DRAINED);
    }
  }

  private void finish(Outcome how) {
    // Not synchronized: Paho's disconnect waits for its callback thread, which may be calling here.
    if (!finishing.compareAndSet(false, true)) {
      return;
    }
    if (check != null) {
      check.cancel(false);
    }
    try {
      if (client.isConnected()) {
        client.disconnect(1000).waitForCompletion(2000);
      }
    } catch (MqttException e) {
      log.debug("disconnect of an adopted session client={}", client.getClientId(), e);
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("close of an adopted session client={}", client.getClientId(), e);
    }
    outcome.complete(how);
  }

  private static MqttConnectOptions connectOptions(IngestSettings s) {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(false);
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval(30);
    options.setConnectionTimeout(10);
    options.setMaxInflight(1000);
    if (!s.username().isBlank()) {
      options.setUserName(s.username());
      options.setPassword(s.password().toCharArray());
    }
    if (s.brokerUrl().startsWith("ssl://") && !s.tls().pahoProperties().isEmpty()) {
      Properties ssl = new Properties();
      ssl.putAll(s.tls().pahoProperties());
      options.setSSLProperties(ssl);
    }
    return options;
  }
}
