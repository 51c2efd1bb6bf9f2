package org.enms.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.enms.analytics.baseline.HourlySample;
import org.enms.analytics.baseline.ResidualAnomaly;
import org.junit.jupiter.api.Test;

class PeriodIsolationForestTest {
  /** A Monday. */
  static final Instant START = Instant.parse("2026-11-16T00:00:00Z");

  private final PeriodIsolationForest forest = new PeriodIsolationForest();

  /** A week of a day-shift machine: 40 kWh/h from 06 to 22, 10 kWh/h at night, ±2 % noise. */
  static List<HourlySample> week(long seed) {
    Random noise = new Random(seed);
    List<HourlySample> hours = new ArrayList<>();
    for (int i = 0; i < 7 * 24; i++) {
      Instant hour = START.plus(Duration.ofHours(i));
      int hourOfDay = i % 24;
      double usual = hourOfDay >= 6 && hourOfDay < 22 ? 40 : 10;
      hours.add(new HourlySample(hour, usual * (1 + 0.02 * noise.nextGaussian()), Map.of()));
    }
    return hours;
  }

  static List<HourlySample> with(List<HourlySample> hours, int index, double energyKwh) {
    List<HourlySample> out = new ArrayList<>(hours);
    HourlySample h = out.get(index);
    out.set(index, new HourlySample(h.hour(), energyKwh, h.columns()));
    return out;
  }

  @Test
  void flagsAnAbnormalNightHourAsACriticalSpikeAgainstTheUsualEnergyAtThatHour() {
    // Wednesday 03:00: 40 kWh where the nights use 10.
    List<HourlySample> hours = with(week(1), 2 * 24 + 3, 40);

    List<ResidualAnomaly> found = forest.detect(hours, 0.1);

    assertThat(found).hasSize(1);
    ResidualAnomaly a = found.get(0);
    assertThat(a.hour()).isEqualTo(Instant.parse("2026-11-18T03:00:00Z"));
    assertThat(a.type()).isEqualTo("spike");
    assertThat(a.severity()).isEqualTo("critical");
    assertThat(a.method()).isEqualTo(PeriodIsolationForest.METHOD);
    assertThat(a.expectedKwh()).isBetween(9.5, 10.5);
    assertThat(a.zScore()).isGreaterThan(PeriodIsolationForest.CRITICAL_Z);
    assertThat(a.confidence()).isBetween(0.5, 1.0);
  }

  @Test
  void flagsAMachineSilentDuringTheShiftAsADrop() {
    List<HourlySample> hours = with(week(2), 3 * 24 + 12, 0);

    List<ResidualAnomaly> found = forest.detect(hours, 0.1);

    assertThat(found).extracting(ResidualAnomaly::type).containsExactly("drop");
    assertThat(found.get(0).hour()).isEqualTo(Instant.parse("2026-11-19T12:00:00Z"));
  }

  @Test
  void raisesNothingOnANormalWeekDespiteTheContaminationShare() {
    assertThat(forest.detect(week(3), 0.1)).isEmpty();
  }

  @Test
  void flagsTheSameHoursEveryRun() {
    List<HourlySample> hours = with(with(week(4), 30, 60), 100, 0);

    assertThat(forest.detect(hours, 0.2)).isEqualTo(forest.detect(hours, 0.2));
  }

  @Test
  void flagsNoMoreThanTheContaminationShareOfHours() {
    List<HourlySample> hours = week(5);
    for (int i = 1; i < 40; i += 2) {
      hours = with(hours, i, 80);
    }
    // 168 hours at 5 %: at most 8 of the 20 abnormal night hours.
    assertThat(forest.detect(hours, 0.05)).hasSizeBetween(1, 8);
    assertThat(forest.detect(hours, 0.0)).isEmpty();
  }

  @Test
  void needsADayOfHours() {
    assertThat(forest.detect(with(week(7), 3, 90).subList(0, 23), 0.5)).isEmpty();
  }

  @Test
  void refusesAContaminationOutsideTheOriginalsRange() {
    assertThatThrownBy(() -> forest.detect(week(8), 0.6))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
