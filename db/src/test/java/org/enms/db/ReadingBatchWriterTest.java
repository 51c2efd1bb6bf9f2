package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.Reading;
import org.enms.core.reading.StatusReading;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReadingBatchWriterTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private long count(String sql) {
    return pg.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void writesEveryTableAndReportsTheTimeSpanPerTable() {
    var writer = new ReadingBatchWriter(pg.database());
    var batch = SampleData.readings().subList(0, 100);
    WriteResult result = writer.write(batch);
    assertThat(result.submitted()).isEqualTo(100);
    assertThat(result.inserted()).isEqualTo(100);
    TableWrite energy = result.table(ReadingTable.ENERGY).orElseThrow();
    assertThat(energy.minTime()).isEqualTo(SampleData.START);
    assertThat(energy.maxTime())
        .isEqualTo(
            batch.stream()
                .filter(r -> r instanceof EnergyReading)
                .map(Reading::time)
                .max(Instant::compareTo)
                .orElseThrow());
    assertThat(result.table(ReadingTable.PRODUCTION)).isPresent();
    assertThat(result.table(ReadingTable.ENVIRONMENTAL)).isPresent();
    assertThat(result.minTime()).contains(SampleData.START);
  }

  @Test
  void aRedeliveredBatchInsertsNothing() {
    var writer = new ReadingBatchWriter(pg.database());
    UUID m = DemoPlant.machineId(2);
    var batch = new ArrayList<Reading>();
    Instant t0 = Instant.parse("2024-05-05T10:00:00Z");
    for (int i = 0; i < 500; i++) {
      batch.add(EnergyReading.electricity(m, t0.plusSeconds(i * 10L), 100 + i, 0.3));
    }
    // Same machine and time, another carrier: a distinct row.
    batch.add(
        new EnergyReading(m, t0, EnergyType.STEAM, 50, 1.0, null, null, null, null, null, null));
    long before = count("SELECT count(*) FROM energy_readings");
    assertThat(writer.write(batch).inserted()).isEqualTo(501);
    WriteResult again = writer.write(batch);
    assertThat(again.submitted()).isEqualTo(501);
    assertThat(again.inserted()).isZero();
    assertThat(count("SELECT count(*) FROM energy_readings") - before).isEqualTo(501);
  }

  @Test
  void duplicatesWithinOneBatchAreStoredOnce() {
    var writer = new ReadingBatchWriter(pg.database());
    var r =
        EnergyReading.electricity(
            DemoPlant.machineId(3), Instant.parse("2024-05-06T10:00:00.123456Z"), 7, 0.1);
    assertThat(writer.write(List.of(r, r)).inserted()).isEqualTo(1);
    Instant stored =
        pg.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT time FROM energy_readings WHERE machine_id = :m")
                        .bind("m", DemoPlant.machineId(3))
                        .map((rs, ctx) -> Rows.instant(rs, "time"))
                        .one());
    assertThat(stored).as("microsecond precision survives").isEqualTo(r.time());
  }

  @Test
  void statusReadingsUpsertTheLatestStateAndIgnoreStaleOnes() {
    var writer = new ReadingBatchWriter(pg.database());
    UUID m = DemoPlant.machineId(4);
    Instant t = Instant.parse("2024-05-07T08:00:00Z");
    writer.write(
        List.of(
            new StatusReading(m, t, true, "running", 40.0),
            new StatusReading(m, t.minusSeconds(5), false, "idle", 0.0)));
    assertThat(mode(m)).isEqualTo("running");
    writer.write(List.of(new StatusReading(m, t.minusSeconds(60), false, "fault", 0.0)));
    assertThat(mode(m)).isEqualTo("running");
    writer.write(List.of(new StatusReading(m, t.plusSeconds(60), false, "maintenance", 0.0)));
    assertThat(mode(m)).isEqualTo("maintenance");
  }

  @Test
  void statusOfAnUnknownMachineDoesNotFailTheBatch() {
    var writer = new ReadingBatchWriter(pg.database());
    UUID unknown = UUID.randomUUID();
    WriteResult r =
        writer.write(
            List.of(
                new StatusReading(unknown, Instant.now(), true, "running", 1.0),
                EnergyReading.electricity(DemoPlant.machineId(5), Instant.now(), 1, 0.1)));
    assertThat(r.table(ReadingTable.STATUS).orElseThrow().inserted()).isZero();
    assertThat(r.table(ReadingTable.ENERGY).orElseThrow().inserted()).isEqualTo(1);
  }

  private String mode(UUID machine) {
    return pg.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT current_mode FROM machine_status WHERE machine_id = :m")
                    .bind("m", machine)
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void writesWhatElseTheCallerWritesInTheSameTransaction() {
    var writer = new ReadingBatchWriter(pg.database());
    var rejects = new RejectDao(pg.database());
    UUID m = DemoPlant.machineId(5);
    Instant t = Instant.parse("2024-06-06T10:00:00Z");
    var reject = IngestReject.of(t, "factory/a/b/energy", "bad", new byte[] {0, (byte) 0xff});
    long rejectsBefore = rejects.count();

    writer.write(
        List.of(EnergyReading.electricity(m, t, 10, 0.1)), h -> rejects.insert(h, List.of(reject)));

    assertThat(count("SELECT count(*) FROM energy_readings WHERE machine_id = '" + m + "'"))
        .isEqualTo(1);
    assertThat(rejects.count()).isEqualTo(rejectsBefore + 1);
    // Either fails, neither is stored.
    var failing =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                writer.write(
                    List.of(EnergyReading.electricity(m, t.plusSeconds(1), 10, 0.1)),
                    h -> {
                      rejects.insert(h, List.of(reject));
                      h.execute("SELECT 1/0");
                    }));
    assertThat(failing).isNotNull();
    assertThat(count("SELECT count(*) FROM energy_readings WHERE machine_id = '" + m + "'"))
        .isEqualTo(1);
    assertThat(rejects.count()).isEqualTo(rejectsBefore + 1);
  }

  @Test
  void aBatchOverlappingStoredRowsStoresOnlyTheNewOnesWhateverThePath() {
    for (EnergyWritePath path : EnergyWritePath.values()) {
      UUID m = DemoPlant.machineId(6);
      Instant t0 =
          Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(path.ordinal() * 600L);
      var batch = new ArrayList<Reading>();
      for (int i = 0; i < 200; i++) {
        batch.add(EnergyReading.electricity(m, t0.minusSeconds(i), 10 + i, 0.1));
      }
      var writer = new ReadingBatchWriter(pg.database(), 10_000, path);
      long before = count("SELECT count(*) FROM energy_readings");

      assertThat(writer.write(batch.subList(0, 80)).inserted()).as(path.name()).isEqualTo(80);
      assertThat(writer.write(batch).inserted()).as(path.name()).isEqualTo(120);
      assertThat(writer.write(batch).inserted()).as(path.name()).isZero();
      assertThat(count("SELECT count(*) FROM energy_readings") - before)
          .as(path.name())
          .isEqualTo(200);
    }
  }

  @Test
  void aRetriedBatchWhoseFirstTryRolledBackIsStoredOnce() {
    var writer = new ReadingBatchWriter(pg.database());
    UUID m = DemoPlant.machineId(7);
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3_600);
    var batch = new ArrayList<Reading>();
    for (int i = 0; i < 300; i++) {
      batch.add(EnergyReading.electricity(m, t0.plusMillis(i * 100L), i, 0.01));
    }
    String rowsOfMachine = "SELECT count(*) FROM energy_readings WHERE machine_id = '" + m + "'";

    var failed =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> writer.write(batch, h -> h.execute("SELECT 1/0")));
    assertThat(failed).as("the commit failed after the COPY").isNotNull();
    assertThat(count(rowsOfMachine)).isZero();

    assertThat(writer.write(batch).inserted()).isEqualTo(300);
    assertThat(writer.write(batch).inserted()).isZero();
    assertThat(count(rowsOfMachine)).isEqualTo(300);
  }

  @Test
  void rowsOfSeveralDaysLandInTheirOwnDaysPartitionsAndHistoryInItsMonth() {
    var writer = new ReadingBatchWriter(pg.database());
    UUID m = DemoPlant.machineId(8);
    Instant midnight = Instant.now().truncatedTo(ChronoUnit.DAYS);
    Instant history = Instant.parse("2024-02-10T12:00:00Z");
    var batch =
        List.<Reading>of(
            EnergyReading.electricity(m, midnight.minusMillis(1), 1, 0.1),
            EnergyReading.electricity(m, midnight, 2, 0.1),
            EnergyReading.electricity(m, history, 3, 0.1));

    assertThat(writer.write(batch).inserted()).isEqualTo(3);

    var partitions =
        pg.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT tableoid::regclass::text FROM energy_readings"
                                + " WHERE machine_id = :m ORDER BY time")
                        .bind("m", m)
                        .mapTo(String.class)
                        .list());
    var day = java.time.format.DateTimeFormatter.BASIC_ISO_DATE;
    assertThat(partitions)
        .containsExactly(
            "energy_readings_m202402",
            "energy_readings_p"
                + day.format(LocalDate.ofInstant(midnight.minusMillis(1), ZoneOffset.UTC)),
            "energy_readings_p" + day.format(LocalDate.ofInstant(midnight, ZoneOffset.UTC)));
  }
}
