package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MqttSessionDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final String NODE_A = "pekko://enms@127.0.0.1:25521";

  private final MqttSessionDao dao = new MqttSessionDao(pg.database());

  @BeforeEach
  void empty() {
    pg.database().jdbi().useHandle(h -> h.execute("DELETE FROM mqtt_sessions"));
  }

  private static void age(Duration by) {
    pg.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE mqtt_sessions SET seen_at = seen_at - CAST(:by AS interval)")
                    .bind("by", by.toSeconds() + " seconds")
                    .execute());
  }

  @Test
  void listsOnlyTheClientIdsTheirOwnerStoppedRenewing() {
    dao.claim(List.of("enms-a-0", "enms-a-1"), NODE_A, 1);
    assertThat(dao.notRenewedFor(Duration.ofSeconds(15))).isEmpty();

    age(Duration.ofSeconds(20));
    assertThat(dao.notRenewedFor(Duration.ofSeconds(15)))
        .containsExactly(
            new MqttSessionRow("enms-a-0", NODE_A, 1), new MqttSessionRow("enms-a-1", NODE_A, 1));

    dao.claim(List.of("enms-a-0", "enms-a-1"), NODE_A, 1);
    assertThat(dao.notRenewedFor(Duration.ofSeconds(15))).isEmpty();
  }

  @Test
  void releasesADrainedSessionUnlessANewIncarnationClaimedItMeanwhile() {
    dao.claim(List.of("enms-a-0", "enms-a-1"), NODE_A, 1);
    age(Duration.ofSeconds(20));
    List<MqttSessionRow> orphans = dao.notRenewedFor(Duration.ofSeconds(15));

    dao.claim(List.of("enms-a-1"), NODE_A, 2);

    assertThat(dao.release(orphans.get(0))).isTrue();
    assertThat(dao.release(orphans.get(1))).as("claimed by the restarted node").isFalse();
    age(Duration.ofSeconds(20));
    assertThat(dao.notRenewedFor(Duration.ofSeconds(15)))
        .containsExactly(new MqttSessionRow("enms-a-1", NODE_A, 2));
  }
}
