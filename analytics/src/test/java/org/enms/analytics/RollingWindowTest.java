package org.enms.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollingWindowTest {
  /** A minute boundary, so 5-second buckets start at T0. */
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private final RollingWindow window = new RollingWindow(Duration.ofSeconds(5), 12);

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void reportsMinAvgMaxPowerEnergyProductionAndCount() {
    window.addEnergy(at(1), 10, 0.01);
    window.addEnergy(at(6), 20, 0.02);
    window.addEnergy(at(11), 30, 0.03);
    window.addProduction(at(11), 7);

    var stats = window.stats(at(12));

    assertThat(stats.readingCount()).isEqualTo(3);
    assertThat(stats.minPowerKw()).isEqualTo(10.0);
    assertThat(stats.avgPowerKw()).isCloseTo(20.0, within(1e-9));
    assertThat(stats.maxPowerKw()).isEqualTo(30.0);
    assertThat(stats.energyKwh()).isCloseTo(0.06, within(1e-9));
    assertThat(stats.productionUnits()).isEqualTo(7);
    assertThat(stats.from()).isEqualTo(at(10 - 55));
    assertThat(stats.to()).isEqualTo(at(15));
  }

  @Test
  void emptyWindowHasNoPowerStatistics() {
    var stats = window.stats(at(0));

    assertThat(stats.readingCount()).isZero();
    assertThat(stats.minPowerKw()).isNull();
    assertThat(stats.avgPowerKw()).isNull();
    assertThat(stats.maxPowerKw()).isNull();
    assertThat(stats.energyKwh()).isZero();
  }

  @Test
  void bucketsThatFallOutOfTheWindowNoLongerCount() {
    window.addEnergy(at(0), 100, 1.0);
    window.addEnergy(at(30), 10, 0.1);

    var stats = window.stats(at(62));

    assertThat(stats.readingCount()).isEqualTo(1);
    assertThat(stats.maxPowerKw()).isEqualTo(10.0);
    assertThat(stats.energyKwh()).isCloseTo(0.1, within(1e-9));
  }

  @Test
  void reusedSlotIsClearedBeforeNewReadingsAreAdded() {
    window.addEnergy(at(0), 100, 1.0);
    window.addEnergy(at(60), 5, 0.5); // same slot as at(0), one lap later

    var stats = window.stats(at(60));

    assertThat(stats.readingCount()).isEqualTo(1);
    assertThat(stats.maxPowerKw()).isEqualTo(5.0);
    assertThat(stats.energyKwh()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void readingsOlderThanTheWindowAreIgnored() {
    window.addEnergy(at(120), 10, 0.1);

    boolean accepted = window.addEnergy(at(30), 999, 9.0);

    assertThat(accepted).isFalse();
    assertThat(window.stats(at(120)).readingCount()).isEqualTo(1);
    assertThat(window.stats(at(120)).maxPowerKw()).isEqualTo(10.0);
  }

  @Test
  void lateReadingStillInsideTheWindowIsCounted() {
    window.addEnergy(at(50), 10, 0.1);

    boolean accepted = window.addEnergy(at(20), 30, 0.3);

    assertThat(accepted).isTrue();
    assertThat(window.stats(at(50)).readingCount()).isEqualTo(2);
  }

  @Test
  void seededTotalsMergeWithLiveReadings() {
    var hour = new RollingWindow(Duration.ofMinutes(1), 60);
    hour.seed(new BucketTotals(T0, 6, 60, 5, 15, 0.2, 3));
    hour.addEnergy(at(70), 40, 0.1);

    var stats = hour.stats(at(70));

    assertThat(stats.readingCount()).isEqualTo(7);
    assertThat(stats.avgPowerKw()).isCloseTo(100.0 / 7, within(1e-9));
    assertThat(stats.minPowerKw()).isEqualTo(5.0);
    assertThat(stats.maxPowerKw()).isEqualTo(40.0);
    assertThat(stats.energyKwh()).isCloseTo(0.3, within(1e-9));
    assertThat(stats.productionUnits()).isEqualTo(3);
  }

  @Test
  void statsAtALaterInstantSeeOnlyTheBucketsStillInsideIt() {
    window.addEnergy(at(0), 10, 0.1);
    window.addEnergy(at(40), 20, 0.2);

    assertThat(window.stats(at(200)).readingCount()).isZero();
    assertThat(window.stats(at(61)).readingCount()).isEqualTo(1);
  }
}
