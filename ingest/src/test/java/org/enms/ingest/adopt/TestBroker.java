package org.enms.ingest.adopt;

import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.enms.ingest.IngestSettings;

/**
 * The local Mosquitto 2 (127.0.0.1:1883) as one test sees it: a shared group and topics of its own,
 * ingest settings subscribing to them, and clients whose sessions {@link #close} removes.
 */
final class TestBroker implements AutoCloseable {
  private static final String URL = "tcp://127.0.0.1:1883";

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final IngestSettings settings =
      IngestSettings.fromConfig(
          ConfigFactory.parseMap(
                  Map.of(
                      "enms.ingest.broker-url", URL,
                      "enms.ingest.topic-filter", "adopt-test/" + run + "/#",
                      "enms.ingest.shared-group", "adopt-" + run))
              .withFallback(ConfigFactory.load()));
  private final List<MqttClient> clients = new ArrayList<>();
  private final Set<String> clientIds = new HashSet<>();

  /**
   * A group member with a persistent session that has gone away: the broker keeps dealing to it.
   */
  void leavePersistentSession(String clientId) throws MqttException {
    MqttClient c = connect(clientId, false, new Collecting(new ArrayList<>()));
    c.subscribe(settings.subscription(), 1);
    c.disconnect();
  }

  /** Publishes {@code reading-<from>} … {@code reading-<to - 1>} with QoS 1. */
  void publish(int from, int to) throws MqttException {
    MqttClient publisher = connect("adopt-publisher-" + run, true, new Collecting(List.of()));
    for (String p : payloads(from, to)) {
      publisher.publish(
          "adopt-test/" + run + "/m/energy", p.getBytes(StandardCharsets.UTF_8), 1, false);
    }
    publisher.disconnect();
  }

  /** With the callback set before connecting: a resumed session's messages arrive at once. */
  MqttClient connect(String clientId, boolean clean, Collecting callback) throws MqttException {
    MqttClient c = new MqttClient(URL, clientId, new MemoryPersistence());
    c.setCallback(callback);
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(clean);
    options.setMaxInflight(1000);
    c.connect(options);
    clients.add(c);
    clientIds.add(clientId);
    return c;
  }

  static Set<String> payloads(int from, int to) {
    Set<String> p = new HashSet<>();
    IntStream.range(from, to).forEach(i -> p.add("reading-" + i));
    return p;
  }

  @Override
  public void close() throws MqttException {
    for (MqttClient c : clients) {
      if (c.isConnected()) {
        c.disconnectForcibly(1000);
      }
      c.close(true);
    }
    for (String id : clientIds) {
      // A clean session replaces the persistent one and is dropped at disconnect.
      MqttClient c = new MqttClient(URL, id, new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(true);
      c.connect(options);
      c.disconnect();
      c.close();
    }
  }

  /** Collects the payloads a client receives (auto-acknowledged). */
  record Collecting(Collection<String> into) implements MqttCallback {
    @Override
    public void connectionLost(Throwable cause) {}

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      into.add(new String(message.getPayload(), StandardCharsets.UTF_8));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }
}
