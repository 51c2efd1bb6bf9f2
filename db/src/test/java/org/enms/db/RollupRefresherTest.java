package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.db.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RollupRefresherTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final String C1 = DemoPlant.machineId(1).toString();

  @BeforeAll
  static void writeAndRefreshTheSampleData() {
    new ReadingBatchWriter(pg.database()).write(SampleData.readings());
    new RollupRefresher(pg.database())
        .refresh(SampleData.START, SampleData.START.plus(Duration.ofMinutes(SampleData.MINUTES)));
  }

  private static Jdbi jdbi() {
    return pg.database().jdbi();
  }

  @Test
  void hourlyAndDailyEnergyTotalsEqualTheRawSums() {
    for (String level : List.of("1min", "15min", "1hour", "1day")) {
      double rolled =
          RollupTotals.rawSum(
              jdbi(),
              "SELECT sum(total_energy_kwh) FROM energy_readings_"
                  + level
                  + " WHERE machine_id = '"
                  + C1
                  + "' AND energy_type = 'electricity'");
      double raw =
          RollupTotals.rawSum(
              jdbi(),
              "SELECT sum(energy_kwh) FROM energy_readings WHERE machine_id = '" + C1 + "'");
      assertThat(rolled).as(level).isCloseTo(raw, within(1e-9));
    }
    double firstDay =
        RollupTotals.rawSum(
            jdbi(),
            "SELECT total_energy_kwh FROM energy_readings_1day WHERE machine_id = '"
                + C1
                + "' AND bucket = '2025-03-10T00:00:00Z'");
    double rawFirstDay =
        RollupTotals.rawSum(
            jdbi(),
            "SELECT sum(energy_kwh) FROM energy_readings WHERE machine_id = '"
                + C1
                + "' AND time < '2025-03-11T00:00:00Z'");
    assertThat(firstDay).isCloseTo(rawFirstDay, within(1e-9));
  }

  @Test
  void averagesAreWeightedByReadingCountAndExtremesAreExact() {
    double avgHour =
        RollupTotals.rawSum(
            jdbi(),
            "SELECT avg_power_kw FROM energy_readings_1hour WHERE machine_id = '"
                + C1
                + "' AND bucket = '2025-03-10T23:00:00Z'");
    double rawAvg =
        RollupTotals.rawSum(
            jdbi(),
            "SELECT avg(power_kw) FROM energy_readings WHERE machine_id = '"
                + C1
                + "' AND time >= '2025-03-10T23:00:00Z' AND time < '2025-03-11T00:00:00Z'");
    assertThat(avgHour).isCloseTo(rawAvg, within(1e-9));
    double peakDay =
        RollupTotals.rawSum(
            jdbi(),
            "SELECT peak_demand_kw FROM energy_readings_1day WHERE machine_id = '"
                + C1
                + "' AND bucket = '2025-03-11T00:00:00Z'");
    double rawMax =
        RollupTotals.rawSum(
            jdbi(),
            "SELECT max(power_kw) FROM energy_readings WHERE machine_id = '"
                + C1
                + "' AND time >= '2025-03-11T00:00:00Z'");
    assertThat(peakDay).isEqualTo(rawMax);
  }

  @Test
  void electricityIsNeverSummedWithGas() {
    String boiler = DemoPlant.machineId(8).toString();
    double electricity =
        RollupTotals.rawSum(
            jdbi(),
            "SELECT sum(total_energy_kwh) FROM energy_readings_1hour WHERE machine_id = '"
                + boiler
                + "' AND energy_type = 'electricity'");
    assertThat(electricity).isCloseTo(SampleData.MINUTES * 4.0 / 60, within(1e-9));
  }

  @Test
  void productionTotalsRollUpExactly() {
    double rolled =
        RollupTotals.rawSum(jdbi(), "SELECT sum(total_production_count) FROM production_data_1day");
    double raw = RollupTotals.rawSum(jdbi(), "SELECT sum(production_count) FROM production_data");
    assertThat(rolled).isEqualTo(raw);
    double env =
        RollupTotals.rawSum(jdbi(), "SELECT sum(reading_count) FROM environmental_data_1hour");
    assertThat(env).isEqualTo(SampleData.MINUTES);
  }

  @Test
  void refreshingTwiceChangesNothing() {
    Map<String, double[]> before = RollupTotals.energy(jdbi(), "15min");
    new RollupRefresher(pg.database())
        .refresh(SampleData.START, SampleData.START.plus(Duration.ofMinutes(SampleData.MINUTES)));
    Map<String, double[]> after = RollupTotals.energy(jdbi(), "15min");
    assertThat(RollupTotals.sortedKeys(after)).isEqualTo(RollupTotals.sortedKeys(before));
    before.forEach((k, v) -> assertThat(after.get(k)).as(k).containsExactly(v, within(1e-9)));
  }

  @Test
  void aLateReadingIsFoldedIntoExistingBucketsByALocalRefresh() {
    Instant late = Instant.parse("2025-03-11T01:30:10Z");
    var refresher = new RollupRefresher(pg.database());
    WriteResult r =
        new ReadingBatchWriter(pg.database())
            .write(List.of(EnergyReading.electricity(DemoPlant.machineId(1), late, 500, 1.0)));
    refresher.markDirty(r);
    assertThat(refresher.refreshDirty()).containsExactly(new TimeRange(late, late));
    double hour =
        RollupTotals.rawSum(
            jdbi(),
            "SELECT max_power_kw FROM energy_readings_1hour WHERE machine_id = '"
                + C1
                + "' AND bucket = '2025-03-11T01:00:00Z'");
    assertThat(hour).isEqualTo(500);
    double day =
        RollupTotals.rawSum(
            jdbi(),
            "SELECT total_energy_kwh FROM energy_readings_1day WHERE machine_id = '"
                + C1
                + "' AND bucket = '2025-03-11T00:00:00Z'");
    double raw =
        RollupTotals.rawSum(
            jdbi(),
            "SELECT sum(energy_kwh) FROM energy_readings WHERE machine_id = '"
                + C1
                + "' AND time >= '2025-03-11T00:00:00Z'");
    assertThat(day).isCloseTo(raw, within(1e-9));
  }

  @Test
  void closeDirtyRangesCoalesceIntoOneRefresh() {
    var refresher = new RollupRefresher(pg.database());
    Instant a = Instant.parse("2025-03-10T22:10:00Z");
    Instant b = Instant.parse("2025-03-10T22:50:00Z");
    refresher.markDirty(a.plusSeconds(60), a.plusSeconds(120));
    refresher.markDirty(b, b.plusSeconds(5));
    refresher.markDirty(a, a.plusSeconds(1));
    assertThat(refresher.dirtyRanges()).containsExactly(new TimeRange(a, b.plusSeconds(5)));
    assertThat(refresher.refreshDirty()).containsExactly(new TimeRange(a, b.plusSeconds(5)));
    assertThat(refresher.dirtyRanges()).isEmpty();
    assertThat(refresher.refreshDirty()).isEmpty();
  }

  @Test
  void aStragglerFromLastWeekIsRefreshedApartFromLiveData() {
    var refresher = new RollupRefresher(pg.database());
    Instant live = Instant.parse("2025-03-11T01:30:00Z");
    Instant straggler = live.minus(Duration.ofDays(6));
    WriteResult r =
        new ReadingBatchWriter(pg.database())
            .write(
                List.of(
                    EnergyReading.electricity(DemoPlant.machineId(2), live, 10, 0.1),
                    EnergyReading.electricity(
                        DemoPlant.machineId(2), live.plusSeconds(10), 10, 0.1),
                    EnergyReading.electricity(DemoPlant.machineId(2), straggler, 10, 0.1)));
    refresher.markDirty(r);
    assertThat(refresher.dirtyRanges())
        .containsExactly(
            new TimeRange(straggler, straggler), new TimeRange(live, live.plusSeconds(10)));
    refresher.refreshDirty();
    assertThat(
            RollupTotals.rawSum(
                jdbi(),
                "SELECT total_energy_kwh FROM energy_readings_1day WHERE machine_id = '"
                    + DemoPlant.machineId(2)
                    + "' AND bucket = '2025-03-05T00:00:00Z'"))
        .isCloseTo(0.1, within(1e-9));
  }

  @Test
  void onlyTheSettledPartOfADirtyRangeIsRefreshedAndTheRestStaysDirty() {
    var refresher = new RollupRefresher(pg.database());
    Instant from = Instant.parse("2025-03-11T02:00:10Z");
    Instant horizon = Instant.parse("2025-03-11T02:03:00Z");
    Instant to = Instant.parse("2025-03-11T02:04:30Z");
    refresher.markDirty(from, to);
    assertThat(refresher.refreshDirtyBefore(horizon))
        .containsExactly(new TimeRange(from, horizon.minusNanos(1)));
    assertThat(refresher.dirtyRanges()).containsExactly(new TimeRange(horizon, to));
    assertThat(refresher.refreshDirtyBefore(horizon)).isEmpty();
    assertThat(refresher.refreshDirty()).containsExactly(new TimeRange(horizon, to));
    assertThat(refresher.dirtyRanges()).isEmpty();
  }

  @Test
  void aRedeliveredBatchStillMarksItsSpansDirtyBecauseItsRollUpMayHaveBeenLost() {
    var refresher = new RollupRefresher(pg.database());
    var batch = SampleData.readings().subList(0, 5);
    WriteResult again = new ReadingBatchWriter(pg.database()).write(batch);
    assertThat(again.inserted()).isZero();
    refresher.markDirty(again);
    assertThat(refresher.dirtyRanges()).isNotEmpty();
  }
}
