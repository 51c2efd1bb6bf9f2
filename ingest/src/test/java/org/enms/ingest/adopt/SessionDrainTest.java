package org.enms.ingest.adopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enms.ingest.adopt.TestBroker.payloads;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.enms.ingest.adopt.TestBroker.Collecting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Against the local Mosquitto 2 (127.0.0.1:1883), on a shared group and topics of this test's own.
 * A member that disconnects with a persistent session keeps receiving its share of the group's
 * messages in the broker: that is what a drain must empty.
 */
class SessionDrainTest {
  private static final Duration QUIET = Duration.ofMillis(500);

  private final TestBroker broker = new TestBroker();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void removeSessions() throws Exception {
    broker.close();
    timer.shutdownNow();
  }

  @Test
  void drainsWhatTheBrokerKeptForALostMemberAndUnsubscribesIt() throws Exception {
    String lostId = "adopt-lost-" + broker.run;
    broker.leavePersistentSession(lostId);
    Set<String> live = ConcurrentHashMap.newKeySet();
    broker
        .connect("adopt-live-" + broker.run, true, new Collecting(live))
        .subscribe(broker.settings.subscription(), 1);

    broker.publish(0, 200);
    Set<String> drained = ConcurrentHashMap.newKeySet();
    SessionDrain drain =
        SessionDrain.start(broker.settings, lostId, QUIET, acknowledgedInto(drained), timer);

    assertThat(drain.outcome().toCompletableFuture().get(20, TimeUnit.SECONDS))
        .isEqualTo(SessionDrain.Outcome.DRAINED);
    awaitTrue(() -> live.size() + drained.size() >= 200);
    assertThat(drained).as("the lost member's share, kept by the broker").isNotEmpty();
    assertThat(drained).doesNotContainAnyElementsOf(live);
    Set<String> all = new HashSet<>(live);
    all.addAll(drained);
    assertThat(all).isEqualTo(payloads(0, 200));

    // Unsubscribed: the broker deals the lost session no share any more.
    broker.publish(200, 250);
    awaitTrue(() -> live.containsAll(payloads(200, 250)));
    List<String> keptSince = new CopyOnWriteArrayList<>();
    broker.connect(lostId, false, new Collecting(keptSince));
    Thread.sleep(1000);
    assertThat(keptSince).as("messages kept for the drained session").isEmpty();
  }

  @Test
  void stopsWithoutFightingWhenItsOwnerTakesTheSessionBack() throws Exception {
    String ownerId = "adopt-owner-" + broker.run;
    broker.leavePersistentSession(ownerId);
    broker.publish(0, 100);
    List<MqttMessageWithAck> held = new CopyOnWriteArrayList<>();
    SessionDrain drain = SessionDrain.start(broker.settings, ownerId, QUIET, held::add, timer);
    awaitTrue(() -> !held.isEmpty());

    // The owner comes back under its client id, subscribing as a node does at every connect.
    List<String> received = new CopyOnWriteArrayList<>();
    MqttClient owner = broker.connect(ownerId, false, new Collecting(received));
    owner.subscribe(broker.settings.subscription(), 1);

    assertThat(drain.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS))
        .isEqualTo(SessionDrain.Outcome.LOST);
    // Nothing the drain held unacknowledged is lost: the broker gives it to the owner.
    awaitTrue(() -> new HashSet<>(received).containsAll(payloads(0, 100)));
    Thread.sleep(2000);
    assertThat(owner.isConnected()).as("the owner keeps its session").isTrue();
  }

  /** Stores the payload, then acknowledges, as the ingest does after its commit. */
  private static Consumer<MqttMessageWithAck> acknowledgedInto(Set<String> into) {
    return m -> {
      into.add(m.message().payload().utf8String());
      m.ack();
    };
  }

  static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
