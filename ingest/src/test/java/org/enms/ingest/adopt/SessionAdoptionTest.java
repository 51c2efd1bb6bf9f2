package org.enms.ingest.adopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enms.ingest.adopt.SessionDrainTest.awaitTrue;
import static org.enms.ingest.adopt.TestBroker.payloads;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.UniqueAddress;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.javadsl.Flow;
import org.enms.db.BlockingIo;
import org.enms.db.MqttSessionDao;
import org.enms.db.MqttSessionRow;
import org.enms.db.testing.PostgresExtension;
import org.enms.ingest.adopt.TestBroker.Collecting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The adopter in a one-node cluster, on a real PostgreSQL and the local Mosquitto: it drains the
 * sessions of a member that is gone and leaves alone those of a member that is still in the
 * cluster, however old its claim.
 */
class SessionAdoptionTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final ActorTestKit testKit =
      ActorTestKit.create(
          ConfigFactory.parseString(
                  """
                  pekko.actor.provider = cluster
                  pekko.remote.artery.canonical.hostname = 127.0.0.1
                  pekko.remote.artery.canonical.port = 0
                  """)
              .withFallback(ConfigFactory.load()));

  private final TestBroker broker = new TestBroker();
  private final MqttSessionDao sessions = new MqttSessionDao(pg.database());

  @BeforeAll
  static void joinItself() throws InterruptedException {
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    awaitTrue(() -> cluster.selfMember().status() == MemberStatus.up());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @AfterEach
  void removeSessions() throws Exception {
    broker.close();
  }

  @Test
  void drainsTheSessionsOfAGoneMemberAndNotThoseOfAMember() throws Exception {
    String goneId = "adopt-gone-" + broker.run;
    String memberId = "adopt-member-" + broker.run;
    broker.leavePersistentSession(goneId);
    broker.leavePersistentSession(memberId);
    broker.publish(0, 60);
    UniqueAddress self = Cluster.get(testKit.system()).selfMember().uniqueAddress();
    sessions.claim(List.of(goneId), "pekko://enms@127.0.0.1:1", 7);
    sessions.claim(List.of(memberId), self.address().toString(), self.longUid());
    ageClaims(Duration.ofSeconds(30));

    Set<String> stored = ConcurrentHashMap.newKeySet();
    Flow<MqttMessageWithAck, MqttMessageWithAck, org.apache.pekko.NotUsed> intake =
        Flow.of(MqttMessageWithAck.class)
            .map(
                m -> {
                  stored.add(m.message().payload().utf8String());
                  m.ack();
                  return m;
                });
    testKit.spawn(
        SessionAdoption.create(
            broker.settings,
            new AdoptionSettings(
                true,
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                Duration.ofSeconds(1),
                Duration.ofMillis(500)),
            intake,
            sessions,
            new BlockingIo(
                testKit
                    .system()
                    .dispatchers()
                    .lookup(
                        DispatcherSelector.fromConfig(
                            "pekko.actor.default-blocking-io-dispatcher")))));

    awaitTrue(() -> claimed().stream().noneMatch(r -> r.clientId().equals(goneId)));
    assertThat(stored).as("the gone member's share").isNotEmpty();
    assertThat(claimed()).extracting(MqttSessionRow::clientId).contains(memberId);
    // The member's session still holds its share: nothing of it went through the adopter.
    Set<String> kept = ConcurrentHashMap.newKeySet();
    broker.connect(memberId, false, new Collecting(kept));
    awaitTrue(() -> stored.size() + kept.size() >= 60);
    assertThat(kept).doesNotContainAnyElementsOf(stored);
    Set<String> all = new HashSet<>(stored);
    all.addAll(kept);
    assertThat(all).isEqualTo(payloads(0, 60));
  }

  private List<MqttSessionRow> claimed() {
    return sessions.notRenewedFor(Duration.ZERO);
  }

  private static void ageClaims(Duration by) {
    pg.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE mqtt_sessions SET seen_at = seen_at - CAST(:by AS interval)")
                    .bind("by", by.toSeconds() + " seconds")
                    .execute());
  }
}
