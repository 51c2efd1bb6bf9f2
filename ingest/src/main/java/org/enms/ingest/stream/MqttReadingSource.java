package org.enms.ingest.stream;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.connectors.mqtt.MqttConnectionSettings;
import org.apache.pekko.stream.connectors.mqtt.MqttQoS;
import org.apache.pekko.stream.connectors.mqtt.MqttSubscriptions;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttSource;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Merge;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Source;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.enms.ingest.IngestSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At-least-once MQTT input over several connections in one shared subscription.
 *
 * <p>Why several: with manual acks the broker stops sending to a connection once its in-flight
 * window (Mosquitto: {@code max_inflight_messages}, 20 by default) is unacknowledged, and we
 * acknowledge only after the batch commit. Throughput per connection is therefore about window /
 * commit latency; N connections multiply it. Each connection uses a persistent session under a
 * stable client id, so what it had not acknowledged is redelivered after a crash, and each restarts
 * with backoff when the broker goes away.
 */
public final class MqttReadingSource {
  private static final Logger log = LoggerFactory.getLogger(MqttReadingSource.class);

  private MqttReadingSource() {}

  public static <T> Source<T, NotUsed> create(
      IngestSettings settings,
      Flow<MqttMessageWithAck, T, NotUsed> perConnection,
      SubscriptionState state) {
    RestartSettings restart =
        RestartSettings.create(settings.minBackoff(), settings.maxBackoff(), 0.2);
    List<Source<T, NotUsed>> connections = new ArrayList<>();
    for (int i = 0; i < settings.connections(); i++) {
      int connection = i;
      String clientId = settings.clientIds().get(i);
      MqttConnectionSettings mqtt = connectionSettings(settings, clientId);
      MqttSubscriptions subscription =
          MqttSubscriptions.create(settings.subscription(), MqttQoS.atLeastOnce());
      connections.add(
          RestartSource.withBackoff(
                  restart,
                  () -> {
                    log.info(
                        "mqtt connecting broker={} client={} subscription={}",
                        settings.brokerUrl(),
                        clientId,
                        settings.subscription());
                    return MqttSource.atLeastOnce(mqtt, subscription, settings.bufferSize())
                        .mapMaterializedValue(
                            ready -> ready.thenRun(() -> state.subscribed(connection)))
                        .watchTermination(
                            (ready, terminated) ->
                                terminated.whenComplete((done, error) -> state.lost(connection)))
                        .via(perConnection);
                  })
              // Each connection parses on its own, so JSON work spreads over the cores.
              .async());
    }
    if (connections.size() == 1) {
      return connections.get(0);
    }
    return Source.<T, T, NotUsed>combine(connections, Merge::create)
        .mapMaterializedValue(ignored -> NotUsed.getInstance());
  }

  private static MqttConnectionSettings connectionSettings(IngestSettings s, String clientId) {
    MqttConnectionSettings c =
        MqttConnectionSettings.create(
                SafeTopicsNetworkModuleFactory.forBroker(s.brokerUrl()),
                clientId,
                new MemoryPersistence())
            .withCleanSession(false)
            // Reconnection is RestartSource's job: it backs off and re-subscribes cleanly.
            .withAutomaticReconnect(false)
            .withKeepAliveInterval(java.time.Duration.ofSeconds(30))
            .withConnectionTimeout(java.time.Duration.ofSeconds(10))
            .withDisconnectQuiesceTimeout(java.time.Duration.ofMillis(500))
            .withMaxInFlight(1000);
    if (!s.username().isBlank()) {
      c = c.withAuth(s.username(), s.password());
    }
    if (s.brokerUrl().startsWith("ssl://") && !s.tls().pahoProperties().isEmpty()) {
      // Paho builds the TLS socket factory from these stores; nothing here touches crypto.
      c = c.withSslProperties(s.tls().pahoProperties());
    }
    return c;
  }
}
