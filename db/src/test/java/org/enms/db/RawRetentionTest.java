package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RawRetentionTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final UUID MACHINE = DemoPlant.machineId(3);

  private static RawRetention retention() {
    return pg.database().retention();
  }

  private static Instant today() {
    return Instant.now().truncatedTo(ChronoUnit.DAYS);
  }

  private static void setHorizon(String historyBefore, String droppedBefore) {
    pg.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE raw_retention SET history_before = CAST(:h AS timestamptz),"
                            + " dropped_before = CAST(:d AS timestamptz)")
                    .bind("h", historyBefore)
                    .bind("d", droppedBefore)
                    .execute());
  }

  private static long count(String sql) {
    return pg.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  /** A day of hourly readings of 1 kWh ending at {@code day + 24 h}, with its roll-ups. */
  private static void writeDay(Instant day) {
    List<EnergyReading> readings = new ArrayList<>();
    for (int hour = 1; hour <= 24; hour++) {
      readings.add(EnergyReading.electricity(MACHINE, day.plus(Duration.ofHours(hour)), 1, 1));
    }
    new ReadingBatchWriter(pg.database()).write(readings);
    new RollupRefresher(pg.database()).refresh(day, day.plus(Duration.ofHours(24)));
  }

  private static long raw(Instant from, Instant to) {
    return count(
        "SELECT count(*) FROM energy_readings WHERE machine_id = '"
            + MACHINE
            + "' AND time > '"
            + from
            + "' AND time <= '"
            + to
            + "'");
  }

  private static long daily(Instant day) {
    return count(
        "SELECT coalesce(sum(total_energy_kwh), 0)::bigint FROM energy_readings_1day"
            + " WHERE machine_id = '"
            + MACHINE
            + "' AND bucket >= '"
            + day
            + "' AND bucket <= '"
            + day.plus(Duration.ofDays(1))
            + "'");
  }

  @Test
  @Order(1)
  void aNewDatabaseStartsItsLiveEraToday() {
    RawHorizon horizon = retention().horizon();
    assertThat(horizon.historyBefore()).isEqualTo(today());
    assertThat(horizon.droppedBefore()).isEqualTo(today());
    assertThat(horizon.isHistory(Instant.parse("2018-03-04T00:00:00Z"))).isTrue();
    assertThat(horizon.isDropped(Instant.parse("2018-03-04T00:00:00Z"))).isFalse();
  }

  @Test
  @Order(2)
  void expireDropsOnlyTheLiveErasOldRawRowsAndKeepsHistoryAndEveryRollUp() {
    Instant history = Instant.parse("2019-05-01T00:00:00Z");
    Instant oldLive = Instant.parse("2020-06-01T00:00:00Z");
    Instant recent = today().minus(Duration.ofDays(5));
    writeDay(history);
    writeDay(oldLive);
    writeDay(recent);
    setHorizon("2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z");

    assertThat(retention().expire(Instant.now())).isPositive();

    assertThat(raw(history, history.plus(Duration.ofDays(1)))).isEqualTo(24);
    assertThat(raw(oldLive, oldLive.plus(Duration.ofDays(1)))).isZero();
    assertThat(raw(recent, recent.plus(Duration.ofDays(1)))).isEqualTo(24);
    assertThat(daily(history)).isEqualTo(24);
    assertThat(daily(oldLive)).isEqualTo(24);
    assertThat(
            count(
                "SELECT count(*) FROM energy_readings_1min WHERE machine_id = '"
                    + MACHINE
                    + "' AND bucket >= '2020-06-01' AND bucket < '2020-06-03'"))
        .isEqualTo(24);
    RawHorizon horizon = retention().horizon();
    assertThat(horizon.droppedBefore()).isEqualTo(retention().cutoff(Instant.now()));
    assertThat(horizon.isDropped(oldLive)).isTrue();
    assertThat(horizon.isDropped(recent)).isFalse();
  }

  @Test
  @Order(3)
  void retentionWaitsWhileAnImportHoldsItAndCatchesUpAfterwards() {
    Instant oldLive = Instant.parse("2021-03-01T00:00:00Z");
    writeDay(oldLive);
    setHorizon("2021-01-01T00:00:00Z", "2021-01-01T00:00:00Z");
    try (RawRetention.ImportHold hold = retention().holdForImport()) {
      assertThat(hold.horizon().historyBefore()).isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));
      assertThat(retention().expire(Instant.now())).isZero();
      assertThat(raw(oldLive, oldLive.plus(Duration.ofDays(1)))).isEqualTo(24);
      assertThat(retention().horizon().droppedBefore())
          .isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));
    }
    assertThat(retention().expire(Instant.now())).isPositive();
    assertThat(raw(oldLive, oldLive.plus(Duration.ofDays(1)))).isZero();
    assertThat(daily(oldLive)).isEqualTo(24);
  }

  @Test
  @Order(4)
  void theLiveEraOfAnExistingDatabaseStartsWithItsOldestStoredDataIncludingRollUps() {
    Instant oldest = Instant.parse("2016-02-03T00:00:00Z");
    pg.database()
        .jdbi()
        .useHandle(
            h -> {
              h.execute("DELETE FROM raw_retention");
              h.execute(
                  "INSERT INTO energy_readings_1day (bucket, machine_id, energy_type,"
                      + " total_energy_kwh, reading_count) VALUES (?, ?, 'electricity', 1, 1)",
                  Rows.utc(oldest.plus(Duration.ofHours(7))),
                  MACHINE);
            });
    RawHorizon horizon = retention().horizon();
    assertThat(horizon.historyBefore()).isEqualTo(oldest);
    // What retention may have dropped before there was a horizon counts as dropped.
    assertThat(horizon.droppedBefore()).isEqualTo(retention().cutoff(Instant.now()));
  }
}
