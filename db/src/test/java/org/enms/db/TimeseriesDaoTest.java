package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TimeseriesDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final UUID M = DemoPlant.machineId(2);
  private static final Instant T0 = Instant.parse("2025-02-01T10:00:00Z");

  /** Two hours at one reading per 10 s: power = 10 kW in even minutes, 20 kW in odd ones. */
  @BeforeAll
  static void writeTwoHours() {
    var readings = new java.util.ArrayList<EnergyReading>();
    for (int s = 0; s < 7200; s += 10) {
      double kw = (s / 60) % 2 == 0 ? 10 : 20;
      readings.add(EnergyReading.electricity(M, T0.plusSeconds(s), kw, kw * 10 / 3600));
      readings.add(
          new EnergyReading(
              M,
              T0.plusSeconds(s),
              EnergyType.STEAM,
              999,
              999.0,
              null,
              null,
              null,
              null,
              null,
              null));
    }
    new ReadingBatchWriter(pg.database()).write(readings);
    new RollupRefresher(pg.database()).refresh(T0, T0.plus(Duration.ofHours(2)));
  }

  @Test
  void fiveMinuteEnergyIsRegroupedFromTheMinuteRollup() {
    List<SeriesPoint> points =
        new TimeseriesDao(pg.database())
            .energy(M, T0, T0.plus(Duration.ofMinutes(30)), Interval.MIN5);
    assertThat(points).hasSize(6);
    assertThat(points.get(0).bucket()).isEqualTo(T0);
    assertThat(points.get(1).bucket()).isEqualTo(T0.plusSeconds(300));
    // 3 minutes at 10 kW and 2 at 20 kW (or the reverse), electricity only: 70 kW·min.
    assertThat(points.get(0).value()).isCloseTo((3 * 10 + 2 * 20) / 60.0, within(1e-9));
  }

  @Test
  void hourlyPowerIsTheWeightedAverageAndTheEndIsExclusive() {
    List<SeriesPoint> points =
        new TimeseriesDao(pg.database()).power(M, T0, T0.plus(Duration.ofHours(1)), Interval.HOUR1);
    assertThat(points)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.bucket()).isEqualTo(T0);
              assertThat(p.value()).isCloseTo(15.0, within(1e-9));
            });
  }

  @Test
  void eachIntervalReadsItsOwnBucketWidth() {
    var dao = new TimeseriesDao(pg.database());
    Instant end = T0.plus(Duration.ofHours(2));
    assertThat(dao.energy(M, T0, end, Interval.MIN1)).hasSize(120);
    assertThat(dao.energy(M, T0, end, Interval.MIN15)).hasSize(8);
    assertThat(dao.energy(M, T0, end, Interval.HOUR1)).hasSize(2);
    assertThat(dao.energy(M, T0, end, Interval.DAY1)).isEmpty();
    assertThat(dao.energy(M, T0.minus(Duration.ofHours(10)), end, Interval.DAY1))
        .singleElement()
        .satisfies(p -> assertThat(p.value()).isCloseTo(2 * 15.0, within(1e-9)));
  }

  @Test
  void intervalsParseTheirWireNames() {
    assertThat(Interval.fromWireName("15min")).contains(Interval.MIN15);
    assertThat(Interval.fromWireName("1hour")).contains(Interval.HOUR1);
    assertThat(Interval.fromWireName("2min")).isEmpty();
  }

  /**
   * Plain dialect, clock at 11:30:20, roll-ups refreshed to 11:28 (a lag of 2 minutes): the series
   * still reaches the last reading, from the hour roll-up, then the 1-minute roll-up, then the raw
   * rows, and the running bucket is marked partial.
   */
  @Test
  void includesTheBucketsTheRollupsHaveNotReachedAndMarksTheRunningOnePartial() {
    UUID m = DemoPlant.machineId(6);
    Instant t1 = Instant.parse("2025-03-01T10:00:00Z");
    var readings = new java.util.ArrayList<EnergyReading>();
    double early = 0;
    double late = 0;
    for (int s = 0; s <= 5400; s += 10) {
      double kwh = 0.01 + s / 1e6;
      readings.add(EnergyReading.electricity(m, t1.plusSeconds(s), kwh * 360, kwh));
      if (s < 3600) {
        early += kwh;
      } else {
        late += kwh;
      }
    }
    new ReadingBatchWriter(pg.database()).write(readings);
    new RollupRefresher(pg.database()).refresh(t1, t1.plus(Duration.ofMinutes(87)));
    var clock = java.time.Clock.fixed(t1.plusSeconds(5420), java.time.ZoneOffset.UTC);
    var dao = new TimeseriesDao(pg.database(), clock, Duration.ofMinutes(2));

    List<SeriesPoint> hours = dao.energy(m, t1, t1.plus(Duration.ofHours(2)), Interval.HOUR1);
    assertThat(hours).extracting(SeriesPoint::bucket).containsExactly(t1, t1.plusSeconds(3600));
    assertThat(hours.get(0).value()).isCloseTo(early, within(1e-9));
    assertThat(hours.get(0).partial()).isFalse();
    assertThat(hours.get(1).value()).isCloseTo(late, within(1e-9));
    assertThat(hours.get(1).partial()).isTrue();

    List<SeriesPoint> day =
        dao.energy(m, t1.minusSeconds(36000), t1.plus(Duration.ofDays(1)), Interval.DAY1);
    assertThat(day).hasSize(1);
    assertThat(day.get(0).value()).isCloseTo(early + late, within(1e-9));
    assertThat(day.get(0).partial()).isTrue();

    List<SeriesPoint> minutes =
        dao.power(m, t1.plusSeconds(5100), t1.plus(Duration.ofHours(2)), Interval.MIN1);
    assertThat(minutes).extracting(SeriesPoint::bucket).last().isEqualTo(t1.plusSeconds(5400));
    assertThat(minutes).extracting(SeriesPoint::partial).last().isEqualTo(true);
    assertThat(minutes).hasSize(6);

    // Without a lag the DAO reads the roll-ups as they are: nothing after 11:28.
    double lateTotal = late;
    assertThat(
            new TimeseriesDao(pg.database())
                .energy(m, t1, t1.plus(Duration.ofHours(2)), Interval.HOUR1))
        .hasSize(2)
        .element(1)
        .satisfies(p -> assertThat(p.value()).isLessThan(lateTotal - 0.1));
  }
}
