package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MachineHistoryDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  @Test
  void restoresTheLastHourTodayAndTheLatestReadingFromRawRows() {
    UUID m = DemoPlant.machineId(5);
    Instant now = Instant.parse("2025-04-02T00:30:00Z");
    var readings = new ArrayList<Reading>();
    // 23:00 yesterday .. 00:30 today, one per 30 s; plus one reading after "now" that must not
    // count.
    for (int s = 0; s <= 5400; s += 30) {
      Instant t = Instant.parse("2025-04-01T23:00:00Z").plusSeconds(s);
      readings.add(EnergyReading.electricity(m, t, 60 + (s % 90 == 0 ? 30 : 0), 0.5));
      readings.add(new ProductionReading(m, t, 2, 1, 1, 240.0, "running", null, "R1", null));
    }
    readings.add(
        new EnergyReading(
            m,
            now.minusSeconds(1),
            EnergyType.NATURAL_GAS,
            400,
            7.0,
            null,
            null,
            null,
            null,
            null,
            null));
    readings.add(EnergyReading.electricity(m, now.plusSeconds(30), 999, 9.0));
    new ReadingBatchWriter(pg.database()).write(readings);

    MachineHistory h = new MachineHistoryDao(pg.database()).load(m, now);

    // (23:30:00, 00:30:00]: a partial minute at each end.
    assertThat(h.lastHour()).hasSize(61);
    assertThat(h.lastHour().get(0).minute()).isEqualTo(Instant.parse("2025-04-01T23:30:00Z"));
    MinuteBucket first = h.lastHour().get(0);
    // The bucket of 23:30 holds the reading at 23:30:30 only (the window starts after 23:30:00).
    assertThat(first.readingCount()).isEqualTo(1);
    MinuteBucket full = h.lastHour().get(10);
    assertThat(full.readingCount()).isEqualTo(2);
    assertThat(full.energyKwh()).isCloseTo(1.0, within(1e-9));
    assertThat(full.productionUnits()).isEqualTo(4);
    assertThat(full.maxPowerKw()).isEqualTo(90);
    assertThat(full.minPowerKw()).isEqualTo(60);
    // Today = 00:00:00 .. 00:30:00 inclusive: 61 readings, electricity only.
    assertThat(h.todayEnergyKwh()).isCloseTo(61 * 0.5, within(1e-9));
    assertThat(h.todayProductionUnits()).isEqualTo(61 * 2);
    assertThat(h.todayGoodUnits()).isEqualTo(61);
    assertThat(h.todayBadUnits()).isEqualTo(61);
    assertThat(h.todayPowerReadings()).isEqualTo(61);
    assertThat(h.todayPeakPowerKw()).isNotNull();
    assertThat(h.latestEnergy())
        .hasValueSatisfying(
            r -> {
              assertThat(r.time()).isEqualTo(now);
              assertThat(r.energyType()).isEqualTo(EnergyType.ELECTRICITY);
            });
    assertThat(h.restoredUpTo()).contains(now);
  }

  @Test
  void aMachineWithoutReadingsRestoresNothing() {
    MachineHistory h =
        new MachineHistoryDao(pg.database()).load(DemoPlant.machineId(7), Instant.now());
    assertThat(h.lastHour()).isEmpty();
    assertThat(h.todayEnergyKwh()).isZero();
    assertThat(h.latestEnergy()).isEmpty();
    assertThat(h.restoredUpTo()).isEmpty();
  }

  @Test
  void givesTheHourlyPowerOfEachEnergyTypeApart() {
    UUID boiler = DemoPlant.machineId(6);
    Instant from = Instant.parse("2025-04-03T10:00:00Z");
    var readings = new ArrayList<Reading>();
    for (int s = 0; s < 7200; s += 60) {
      Instant t = from.plusSeconds(s);
      double kw = s < 3600 ? 30 : 40;
      readings.add(EnergyReading.electricity(boiler, t, kw, kw / 60));
      readings.add(
          new EnergyReading(
              boiler,
              t,
              EnergyType.NATURAL_GAS,
              10 * kw,
              kw / 6,
              null,
              null,
              null,
              null,
              null,
              null));
    }
    new ReadingBatchWriter(pg.database()).write(readings);
    new RollupRefresher(pg.database()).refresh(from, from.plusSeconds(7200));

    var hours =
        new MachineHistoryDao(pg.database()).hourlyPower(boiler, from, from.plusSeconds(7200));

    assertThat(hours).containsOnlyKeys(EnergyType.ELECTRICITY, EnergyType.NATURAL_GAS);
    assertThat(hours.get(EnergyType.ELECTRICITY))
        .extracting(MachineHistoryDao.HourlyPower::avgPowerKw)
        .containsExactly(30.0, 40.0);
    assertThat(hours.get(EnergyType.NATURAL_GAS))
        .extracting(MachineHistoryDao.HourlyPower::hour)
        .containsExactly(from, from.plusSeconds(3600));
    assertThat(hours.get(EnergyType.NATURAL_GAS))
        .extracting(MachineHistoryDao.HourlyPower::avgPowerKw)
        .containsExactly(300.0, 400.0);
  }
}
