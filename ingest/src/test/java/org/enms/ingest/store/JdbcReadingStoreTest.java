package org.enms.ingest.store;

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
import org.enms.db.RollupRefresher;
import org.enms.db.testing.PostgresExtension;
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
}
