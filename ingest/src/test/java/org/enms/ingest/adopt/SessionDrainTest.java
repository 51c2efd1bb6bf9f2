package org.enms.ingest.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.enms.ingest.IngestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Against the local Mosquitto 2 (127.0.0.1:1883), on a shared group and topics of this test's own;
 * the sessions it made are removed afterwards. A member that disconnects with a persistent session
 * keeps receiving its share of the group's messages in the broker: that is what a drain must empty.
 */
class SessionDrainTest {
  private static final String BROKER = "tcp://127.0.0.1:1883";
  private static final Duration QUIET = Duration.ofMillis(500);

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final IngestSettings settings =
      IngestSettings.fromConfig(
          ConfigFactory.parseMap(
                  Map.of(
                      "enms.ingest.broker-url", BROKER,
                      "enms.ingest.topic-filter", "adopt-test/" + run + "/#",
                      "enms.ingest.shared-group", "adopt-" + run))
              .withFallback(ConfigFactory.load()));
  private final String topic = "adopt-test/" + run + "/m/energy";
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<MqttClient> clients = new ArrayList<>();
  private final Set<String> clientIds = new HashSet<>();

  @AfterEach
  void removeSessions() throws MqttException {
    for (MqttClient c : clients) {
      if (c.isConnected()) {
        c.disconnectForcibly(1000);
      }
      c.close(true);
    }
    for (String id : clientIds) {
      // A clean session replaces the persistent one and is dropped at disconnect.
      MqttClient c = connect(id, true);
      c.disconnect();
      c.close();
    }
    timer.shutdownNow();
  }

  @Test
  void drainsWhatTheBrokerKeptForALostMemberAndUnsubscribesIt() throws Exception {
    String lostId = "adopt-lost-" + run;
    leavePersistentSession(lostId);
    Set<String> live = subscribeLiveMember("adopt-live-" + run);

    publish(0, 200);
    Set<String> drained = ConcurrentHashMap.newKeySet();
    SessionDrain drain =
        SessionDrain.start(settings, lostId, QUIET, acknowledgedInto(drained), timer);

    assertThat(drain.outcome().toCompletableFuture().get(20, TimeUnit.SECONDS))
        .isEqualTo(SessionDrain.Outcome.DRAINED);
    awaitTrue(() -> live.size() + drained.size() >= 200);
    assertThat(drained).as("the lost member's share, kept by the broker").isNotEmpty();
    assertThat(drained).doesNotContainAnyElementsOf(live);
    Set<String> all = new HashSet<>(live);
    all.addAll(drained);
    assertThat(all).isEqualTo(payloads(0, 200));

    // Unsubscribed: the broker deals the lost session no share any more.
    publish(200, 250);
    awaitTrue(() -> live.containsAll(payloads(200, 250)));
    List<String> keptSince = new CopyOnWriteArrayList<>();
    connect(lostId, false, new Collecting(keptSince));
    Thread.sleep(1000);
    assertThat(keptSince).as("messages kept for the drained session").isEmpty();
  }

  @Test
  void stopsWithoutFightingWhenItsOwnerTakesTheSessionBack() throws Exception {
    String ownerId = "adopt-owner-" + run;
    leavePersistentSession(ownerId);
    publish(0, 100);
    List<MqttMessageWithAck> held = new CopyOnWriteArrayList<>();
    SessionDrain drain = SessionDrain.start(settings, ownerId, QUIET, held::add, timer);
    awaitTrue(() -> !held.isEmpty());

    // The owner comes back under its client id, subscribing as a node does at every connect.
    List<String> received = new CopyOnWriteArrayList<>();
    MqttClient owner = connect(ownerId, false, new Collecting(received));
    owner.subscribe(settings.subscription(), 1);

    assertThat(drain.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS))
        .isEqualTo(SessionDrain.Outcome.LOST);
    // Nothing the drain held unacknowledged is lost: the broker gives it to the owner.
    awaitTrue(() -> new HashSet<>(received).containsAll(payloads(0, 100)));
    Thread.sleep(2000);
    assertThat(owner.isConnected()).as("the owner keeps its session").isTrue();
  }

  /** A group member with a persistent session that has gone away: the broker keeps its session. */
  private void leavePersistentSession(String clientId) throws MqttException {
    MqttClient c = connect(clientId, false);
    c.subscribe(settings.subscription(), 1);
    c.disconnect();
  }

  private Set<String> subscribeLiveMember(String clientId) throws MqttException {
    Set<String> received = ConcurrentHashMap.newKeySet();
    MqttClient c = connect(clientId, true, new Collecting(received));
    c.subscribe(settings.subscription(), 1);
    return received;
  }

  private void publish(int from, int to) throws MqttException {
    MqttClient publisher = connect("adopt-publisher-" + run, true);
    for (String p : payloads(from, to)) {
      publisher.publish(topic, p.getBytes(StandardCharsets.UTF_8), 1, false);
    }
    publisher.disconnect();
  }

  private MqttClient connect(String clientId, boolean clean) throws MqttException {
    return connect(clientId, clean, new Collecting(new ArrayList<>()));
  }

  /** With the callback set before connecting: a resumed session's messages arrive at once. */
  private MqttClient connect(String clientId, boolean clean, Collecting callback)
      throws MqttException {
    MqttClient c = new MqttClient(BROKER, clientId, new MemoryPersistence());
    c.setCallback(callback);
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(clean);
    options.setMaxInflight(1000);
    c.connect(options);
    clients.add(c);
    clientIds.add(clientId);
    return c;
  }

  /** Stores the payload, then acknowledges, as the ingest does after its commit. */
  private static java.util.function.Consumer<MqttMessageWithAck> acknowledgedInto(
      Set<String> into) {
    return m -> {
      into.add(m.message().payload().utf8String());
      m.ack();
    };
  }

  private static Set<String> payloads(int from, int to) {
    Set<String> p = new HashSet<>();
    IntStream.range(from, to).forEach(i -> p.add("reading-" + i));
    return p;
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private record Collecting(java.util.Collection<String> into)
      implements org.eclipse.paho.client.mqttv3.MqttCallback {
    @Override
    public void connectionLost(Throwable cause) {}

    @Override
    public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
      into.add(new String(message.getPayload(), StandardCharsets.UTF_8));
    }

    @Override
    public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {}
  }
}
