package org.enms.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DailyTotalsTest {
  private static final LocalDate DAY = LocalDate.parse("2025-03-01");
  private static final Instant NOON = Instant.parse("2025-03-01T12:00:00Z");

  private final DailyTotals totals = new DailyTotals(Duration.ofMinutes(5), DAY);

  private static Instant at(int seconds) {
    return NOON.plusSeconds(seconds);
  }

  @Test
  void sumsEnergyProductionAndQualityOfTheDay() {
    totals.addEnergy(at(0), 10, 0.5);
    totals.addEnergy(at(10), 30, 1.5);
    totals.addProduction(at(10), 12, 10, 2);

    var today = totals.snapshot(at(20));

    assertThat(today.day()).isEqualTo(DAY);
    assertThat(today.energyKwh()).isCloseTo(2.0, within(1e-9));
    assertThat(today.productionUnits()).isEqualTo(12);
    assertThat(today.goodUnits()).isEqualTo(10);
    assertThat(today.badUnits()).isEqualTo(2);
    assertThat(today.avgPowerKw()).isCloseTo(20.0, within(1e-9));
    assertThat(today.peakPowerKw()).isEqualTo(30.0);
    assertThat(today.powerReadingCount()).isEqualTo(2);
  }

  @Test
  void attributesEachIntervalToTheStatusOfTheReadingThatEndsIt() {
    totals.addEnergy(at(0), 20, 0);
    totals.addEnergy(at(10), 20, 0); // 10 s running
    totals.addEnergy(at(40), 2, 0); // 30 s idle
    totals.addEnergy(at(100), 0, 0); // 60 s stopped

    var today = totals.snapshot(at(100));

    assertThat(today.runningSeconds()).isEqualTo(10);
    assertThat(today.idleSeconds()).isEqualTo(30);
    assertThat(today.stoppedSeconds()).isEqualTo(60);
    assertThat(today.uptimeSeconds()).isEqualTo(40);
  }

  @Test
  void silenceLongerThanTheMaximumGapIsNotAttributed() {
    totals.addEnergy(at(0), 20, 0);
    totals.addEnergy(at(3600), 20, 0);

    assertThat(totals.snapshot(at(3600)).runningSeconds()).isZero();
  }

  @Test
  void resetsAtUtcMidnightAndCountsTheCrossingIntervalFromMidnight() {
    var beforeMidnight = Instant.parse("2025-03-01T23:59:50Z");
    totals.addEnergy(beforeMidnight, 20, 5.0);
    totals.addProduction(beforeMidnight, 4, 4, 0);

    totals.addEnergy(Instant.parse("2025-03-02T00:00:20Z"), 20, 0.25);
    var today = totals.snapshot(Instant.parse("2025-03-02T00:00:30Z"));

    assertThat(today.day()).isEqualTo(LocalDate.parse("2025-03-02"));
    assertThat(today.energyKwh()).isCloseTo(0.25, within(1e-9));
    assertThat(today.productionUnits()).isZero();
    assertThat(today.runningSeconds()).isEqualTo(20);
  }

  @Test
  void refusesReadingsOfAnEarlierDayOnceTheNextDayStarted() {
    totals.addEnergy(Instant.parse("2025-03-02T00:00:05Z"), 20, 1.0);

    boolean accepted = totals.addEnergy(Instant.parse("2025-03-01T23:59:59Z"), 20, 7.0);

    assertThat(accepted).isFalse();
    assertThat(totals.snapshot(Instant.parse("2025-03-02T00:01:00Z")).energyKwh())
        .isCloseTo(1.0, within(1e-9));
  }

  @Test
  void snapshotOnALaterDayIsEmptyEvenWithoutNewReadings() {
    totals.addEnergy(at(0), 20, 3.0);

    var tomorrow = totals.snapshot(Instant.parse("2025-03-02T08:00:00Z"));

    assertThat(tomorrow).isEqualTo(DayTotals.empty(LocalDate.parse("2025-03-02")));
  }

  @Test
  void restoredTotalsContinueWithTheNextReading() {
    var stored = new DayTotals(DAY, 100.0, 50, 48, 2, 10, 12.0, 40.0, 3600, 60, 0);
    totals.restore(stored, at(0));

    totals.addEnergy(at(10), 34, 0.5);
    var today = totals.snapshot(at(10));

    assertThat(today.energyKwh()).isCloseTo(100.5, within(1e-9));
    assertThat(today.avgPowerKw()).isCloseTo((120.0 + 34) / 11, within(1e-9));
    assertThat(today.peakPowerKw()).isEqualTo(40.0);
    assertThat(today.runningSeconds()).isEqualTo(3610);
    assertThat(today.productionUnits()).isEqualTo(50);
  }
}
