package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PartitionManagerTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private List<String> partitionsOf(String table) {
    return pg.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT c.relname FROM pg_inherits i
                        JOIN pg_class c ON c.oid = i.inhrelid
                        JOIN pg_class p ON p.oid = i.inhparent
                        WHERE p.relname = :t ORDER BY 1
                        """)
                    .bind("t", table)
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void writingABatchThatSpansMidnightCreatesBothDailyPartitions() {
    var writer = new ReadingBatchWriter(pg.database());
    var m = DemoPlant.machineId(1);
    writer.write(
        List.of(
            EnergyReading.electricity(m, Instant.parse("2021-06-01T23:59:59Z"), 10, 0.01),
            EnergyReading.electricity(m, Instant.parse("2021-06-02T00:00:00Z"), 11, 0.01)));
    assertThat(partitionsOf("energy_readings"))
        .contains("energy_readings_p20210601", "energy_readings_p20210602");
    assertThat(partitionsOf("production_data")).contains("production_data_p20210602");
    long afterMidnight =
        pg.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM energy_readings_p20210602")
                        .mapTo(Long.class)
                        .one());
    assertThat(afterMidnight).isEqualTo(1);
  }

  @Test
  void startCreatesPartitionsAheadOfToday() {
    LocalDate ahead = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3);
    assertThat(partitionsOf("environmental_data"))
        .contains(
            "environmental_data_p"
                + ahead.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
  }

  @Test
  void ensureIsIdempotentAndDropBeforeRemovesOnlyOlderDays() {
    PartitionManager partitions = pg.database().partitions();
    partitions.ensure(LocalDate.of(2020, 1, 1));
    partitions.ensure(LocalDate.of(2020, 1, 1));
    partitions.ensure(LocalDate.of(2020, 1, 2));
    int dropped = partitions.dropBefore(LocalDate.of(2020, 1, 2));
    assertThat(dropped).isEqualTo(3);
    assertThat(partitionsOf("energy_readings"))
        .doesNotContain("energy_readings_p20200101")
        .contains("energy_readings_p20200102");
    // A dropped day is recreated on demand, not remembered as existing.
    partitions.ensure(LocalDate.of(2020, 1, 1));
    assertThat(partitionsOf("energy_readings")).contains("energy_readings_p20200101");
  }
}
