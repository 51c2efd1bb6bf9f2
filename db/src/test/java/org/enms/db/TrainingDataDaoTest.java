package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.EnvironmentalReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TrainingDataDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final UUID BOILER = DemoPlant.machineId(8);
  private static final Instant T0 = Instant.parse("2025-02-03T10:00:00Z");

  @Test
  void joinsEachHoursElectricityWithItsProductionAndEnvironmentFromTheRollups() {
    List<Reading> readings = new ArrayList<>();
    for (int minute = 0; minute < 120; minute += 10) {
      Instant t = T0.plusSeconds(minute * 60L);
      readings.add(EnergyReading.electricity(BOILER, t, 30, 0.5));
      // Gas of the same machine must not count as electricity.
      readings.add(
          new EnergyReading(
              BOILER, t, EnergyType.NATURAL_GAS, 90, 15.0, null, null, null, null, null, null));
      readings.add(new ProductionReading(BOILER, t, 10, 9, 1, 60.0, "running", null, null, null));
      if (minute < 60) {
        readings.add(
            new EnvironmentalReading(
                BOILER,
                t,
                4.0 + minute / 10,
                21.0,
                70.0,
                null,
                null,
                2.5,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
      }
    }
    new ReadingBatchWriter(pg.database()).write(readings);
    new RollupRefresher(pg.database()).refresh(T0, T0.plusSeconds(7200));

    var rows = new TrainingDataDao(pg.database()).hourly(BOILER, T0, T0.plusSeconds(3 * 3600));

    assertThat(rows).hasSize(2);
    var first = rows.get(0);
    assertThat(first.hour()).isEqualTo(T0);
    assertThat(first.energyKwh()).isEqualTo(3.0);
    assertThat(first.avgPowerKw()).isEqualTo(30.0);
    assertThat(first.productionCount()).isEqualTo(60.0);
    assertThat(first.throughput()).isEqualTo(60.0);
    assertThat(first.outdoorTempC()).isEqualTo(6.5);
    assertThat(first.indoorTempC()).isEqualTo(21.0);
    assertThat(first.machineTempC()).isEqualTo(70.0);
    assertThat(first.pressureBar()).isEqualTo(2.5);
    var second = rows.get(1);
    assertThat(second.hour()).isEqualTo(T0.plusSeconds(3600));
    assertThat(second.productionCount()).isEqualTo(60.0);
    assertThat(second.outdoorTempC()).isNull();
  }

  @Test
  void readsOnlyHoursStartingInTheHalfOpenPeriod() {
    var dao = new TrainingDataDao(pg.database());
    Instant later = T0.plusSeconds(3600);

    assertThat(dao.hourly(BOILER, later, later.plusSeconds(3600)))
        .extracting(TrainingDataDao.HourlyRow::hour)
        .containsExactly(later);
    assertThat(dao.hourly(BOILER, T0, later))
        .extracting(TrainingDataDao.HourlyRow::hour)
        .containsExactly(T0);
  }
}
