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
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    Instant midnight = today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    writer.write(
        List.of(
            EnergyReading.electricity(m, midnight.minusSeconds(1), 10, 0.01),
            EnergyReading.electricity(m, midnight, 11, 0.01)));
    String yesterday =
        "_p" + today.minusDays(1).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    String todays = "_p" + today.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    assertThat(partitionsOf("energy_readings"))
        .contains("energy_readings" + yesterday, "energy_readings" + todays);
    assertThat(partitionsOf("production_data")).contains("production_data" + todays);
    long afterMidnight =
        pg.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM energy_readings" + todays)
                        .mapTo(Long.class)
                        .one());
    assertThat(afterMidnight).isEqualTo(1);
  }

  @Test
  void historyGetsMonthlyPartitionsSoAYearIsTwelveTablesNotThreeHundredSixtyFive() {
    var writer = new ReadingBatchWriter(pg.database());
    var m = DemoPlant.machineId(2);
    List<EnergyReading> year = new java.util.ArrayList<>();
    for (Instant t = Instant.parse("2018-01-01T00:00:00Z");
        t.isBefore(Instant.parse("2019-01-01T00:00:00Z"));
        t = t.plus(java.time.Duration.ofHours(6))) {
      year.add(EnergyReading.electricity(m, t, 5, 1.5));
    }
    writer.write(year);
    assertThat(partitionsOf("energy_readings").stream().filter(n -> n.contains("2018")))
        .hasSize(12)
        .contains("energy_readings_m201801", "energy_readings_m201812");
    long rows =
        pg.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM energy_readings WHERE time >= '2018-01-01' AND time < '2019-01-01'")
                        .mapTo(Long.class)
                        .one());
    assertThat(rows).isEqualTo(year.size());
  }

  @Test
  void aMonthThatAlreadyHasDailyPartitionsKeepsGettingDailyOnes() {
    pg.database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "CREATE TABLE energy_readings_p20190305 PARTITION OF energy_readings"
                        + " FOR VALUES FROM ('2019-03-05 00:00:00+00') TO ('2019-03-06 00:00:00+00')"));
    pg.database().partitions().ensure(LocalDate.of(2019, 3, 10));
    assertThat(partitionsOf("energy_readings"))
        .contains("energy_readings_p20190310")
        .doesNotContain("energy_readings_m201903");
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
  void ensureIsIdempotentAndDropBeforeRemovesOnlyPartitionsWhollyPastRetention() {
    PartitionManager partitions = pg.database().partitions();
    partitions.ensure(LocalDate.of(2020, 1, 15));
    partitions.ensure(LocalDate.of(2020, 1, 15));
    partitions.ensure(LocalDate.of(2020, 1, 20));
    partitions.ensure(LocalDate.of(2020, 2, 3));
    assertThat(partitions.dropBefore(LocalDate.of(2020, 2, 15))).isEqualTo(3);
    assertThat(partitionsOf("energy_readings"))
        .doesNotContain("energy_readings_m202001")
        .contains("energy_readings_m202002");
    // A dropped month is recreated on demand, not remembered as existing.
    partitions.ensure(LocalDate.of(2020, 1, 15));
    assertThat(partitionsOf("energy_readings")).contains("energy_readings_m202001");
  }

  @Test
  void dropBetweenKeepsHistoryBeforeItsStartAndNeverTouchesRollUps() {
    PartitionManager partitions = pg.database().partitions();
    // After 2020: the test of dropBefore counts what it drops before February 2020.
    partitions.ensure(LocalDate.of(2022, 6, 10));
    partitions.ensure(LocalDate.of(2023, 6, 10));
    var rollupsBefore = partitionsOrTables("energy_readings_1day");
    int dropped =
        pg.database()
            .jdbi()
            .inTransaction(
                h -> partitions.dropBetween(h, LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1)));
    assertThat(dropped).isEqualTo(3);
    assertThat(partitionsOf("energy_readings"))
        .contains("energy_readings_m202206")
        .doesNotContain("energy_readings_m202306");
    assertThat(partitionsOrTables("energy_readings_1day")).isEqualTo(rollupsBefore).isEqualTo(1);
  }

  private long partitionsOrTables(String name) {
    return pg.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM pg_class WHERE relname = :n")
                    .bind("n", name)
                    .mapTo(Long.class)
                    .one());
  }
}
