package org.enms.ingest.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.Reading;
import org.enms.db.BlockingIo;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.RejectDao;
import org.enms.db.RejectRow;
import org.enms.db.RollupRefresher;
import org.enms.db.testing.PostgresExtension;
import org.enms.ingest.port.IngestReject;
import org.enms.ingest.port.ReadingStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ingest's store on a real PostgreSQL: a reading the database refuses cannot hold a batch. */
class JdbcReadingStoreTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();
  private static final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private JdbcReadingStore store() {
    return new JdbcReadingStore(
        testKit.system(),
        new BlockingIo(
            testKit
                .system()
                .dispatchers()
                .lookup(
                    DispatcherSelector.fromConfig("pekko.actor.default-blocking-io-dispatcher"))),
        new ReadingBatchWriter(pg.database()),
        new RejectDao(pg.database()),
        new RollupRefresher(pg.database()));
  }

  @Test
  void isolatesAReadingTheDatabaseRefusesAndStoresTheRestOfTheBatch() throws Exception {
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
    List<Reading> batch = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      batch.add(EnergyReading.electricity(DemoPlant.machineId(3), t.plusSeconds(i), 5, 0.01));
    }
    // Metadata the jsonb column refuses (SQLSTATE 22P02): permanent, retrying cannot help.
    batch.add(
        17,
        new EnergyReading(
            DemoPlant.machineId(3),
            t.plusMillis(17_500),
            EnergyType.NATURAL_GAS,
            1,
            0.1,
            null,
            null,
            null,
            null,
            null,
            "{not json"));

    ReadingStore.StoredBatch stored =
        store().store(batch, List.of()).toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(stored.readings()).isEqualTo(40);
    assertThat(stored.inserted()).isEqualTo(40);
    assertThat(stored.rejects()).isEqualTo(1);
    assertThat(stored.refused()).containsExactly(batch.get(17));
    long rows =
        pg.database()
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT count(*) FROM energy_readings").mapTo(Long.class).one());
    assertThat(rows).isEqualTo(40);
    var reject = new RejectDao(pg.database()).latest(1).get(0);
    assertThat(reject.reason()).startsWith("database refused the reading: 22");
    assertThat(reject.payloadText()).contains("{not json");
  }

  @Test
  void isolatesRejectsTheDatabaseRefusesAndKeepsThemWithoutTheirPayload() throws Exception {
    // A stand-in for whatever the database may refuse in a reject one day: a trigger raising the
    // SQLSTATE PostgreSQL gives a NUL in text (22021) for marked payloads and one topic.
    var jdbi = pg.database().jdbi();
    jdbi.useHandle(
        h ->
            h.execute(
                """
                CREATE FUNCTION refuse_marked_rejects() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF position('\\xdeadbeef'::bytea IN coalesce(NEW.payload_bytes, ''::bytea)) > 0
                     OR NEW.topic = 'factory/refused/always/energy' THEN
                    RAISE EXCEPTION 'refused by the test' USING ERRCODE = '22021';
                  END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER refuse_marked BEFORE INSERT ON ingest_rejects
                  FOR EACH ROW EXECUTE FUNCTION refuse_marked_rejects();
                """));
    try {
      jdbi.useHandle(h -> h.execute("DELETE FROM ingest_rejects"));
      Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(300);
      byte[] marked = {'{', (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, '}'};
      List<IngestReject> rejects = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        rejects.add(
            IngestReject.of(
                t, "factory/a/b/energy", "malformed JSON " + i, ("{" + i).getBytes(UTF_8)));
      }
      rejects.set(5, IngestReject.of(t, "factory/a/b/energy", "malformed JSON 5", marked));
      rejects.set(31, IngestReject.of(t, "factory/a/b/energy", "malformed JSON 31", marked));
      rejects.set(
          20,
          IngestReject.of(t, "factory/refused/always/energy", "malformed JSON 20", new byte[1]));
      List<Reading> readings =
          List.of(EnergyReading.electricity(DemoPlant.machineId(4), t, 5, 0.01));

      ReadingStore.StoredBatch stored =
          store().store(readings, rejects).toCompletableFuture().get(30, TimeUnit.SECONDS);

      assertThat(stored.readings()).isEqualTo(1);
      assertThat(stored.rejects()).isEqualTo(40);
      assertThat(stored.rejectsRefused()).isEqualTo(3);
      var dao = new RejectDao(pg.database());
      assertThat(dao.count()).isEqualTo(39);
      List<RejectRow> rows = dao.latest(39);
      assertThat(rows)
          .filteredOn(r -> r.payload() == null)
          .extracting(RejectRow::reason)
          .containsExactlyInAnyOrder(
              "malformed JSON 5; payload of 6 bytes not kept: the database refused it: 22021"
                  + " ERROR: refused by the test",
              "malformed JSON 31; payload of 6 bytes not kept: the database refused it: 22021"
                  + " ERROR: refused by the test");
      assertThat(rows).extracting(RejectRow::payloadText).contains("{0", "{39");
    } finally {
      jdbi.useHandle(
          h ->
              h.execute(
                  "DROP TRIGGER refuse_marked ON ingest_rejects;"
                      + " DROP FUNCTION refuse_marked_rejects()"));
    }
  }
}
