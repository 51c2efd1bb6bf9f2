package org.enms.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.enms.analytics.CounterDelta.Kind;
import org.junit.jupiter.api.Test;

class EnergyCounterTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final EnergyCounter.Limits LIMITS =
      new EnergyCounter.Limits(999_999.9, 10_000, 1.0, Duration.ofMinutes(5));

  private final EnergyCounter counter = new EnergyCounter(LIMITS);

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void firstValueOnlySetsTheBaseline() {
    var delta = counter.accept(at(0), 1234.5);

    assertThat(delta.kind()).isEqualTo(Kind.FIRST);
    assertThat(delta.deltaKwh()).isZero();
  }

  @Test
  void growingRegisterYieldsTheDifference() {
    counter.accept(at(0), 100.0);

    var delta = counter.accept(at(10), 100.25);

    assertThat(delta.kind()).isEqualTo(Kind.NORMAL);
    assertThat(delta.deltaKwh()).isCloseTo(0.25, within(1e-9));
    assertThat(delta.sinceLast()).isEqualTo(Duration.ofSeconds(10));
    assertThat(delta.afterGap()).isFalse();
  }

  @Test
  void sameTimestampIsADuplicateAndCountsNothing() {
    counter.accept(at(0), 100.0);
    counter.accept(at(10), 101.0);

    var duplicate = counter.accept(at(10), 101.0);
    var next = counter.accept(at(20), 102.0);

    assertThat(duplicate.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(duplicate.deltaKwh()).isZero();
    assertThat(next.deltaKwh()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void olderReadingIsReportedOutOfOrderAndDoesNotMoveTheBaseline() {
    counter.accept(at(0), 100.0);
    counter.accept(at(20), 102.0);

    var late = counter.accept(at(10), 101.0);
    var next = counter.accept(at(30), 103.0);

    assertThat(late.kind()).isEqualTo(Kind.OUT_OF_ORDER);
    assertThat(late.deltaKwh()).isZero();
    assertThat(late.kind().accepted()).isFalse();
    assertThat(next.deltaKwh()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void largeDropIsAMeterResetAndTheNewValueIsTheEnergySinceRestart() {
    counter.accept(at(0), 5_000.0);

    var delta = counter.accept(at(10), 0.4);

    assertThat(delta.kind()).isEqualTo(Kind.RESET);
    assertThat(delta.deltaKwh()).isCloseTo(0.4, within(1e-9));
    assertThat(counter.accept(at(20), 0.9).deltaKwh()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void dropFromNearTheMaximumToNearZeroIsARollover() {
    counter.accept(at(0), 999_999.5);

    var delta = counter.accept(at(10), 0.6);

    assertThat(delta.kind()).isEqualTo(Kind.ROLLOVER);
    assertThat(delta.deltaKwh()).isCloseTo(0.4 + 0.6, within(1e-6));
  }

  @Test
  void smallDropIsJitterThatCountsNothingAndKeepsTheHigherBaseline() {
    counter.accept(at(0), 100.0);

    var jitter = counter.accept(at(10), 99.8);
    var next = counter.accept(at(20), 100.5);

    assertThat(jitter.kind()).isEqualTo(Kind.NORMAL);
    assertThat(jitter.deltaKwh()).isZero();
    assertThat(next.deltaKwh()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void deltaAfterAGapIsAttributedToTheReadingThatEndsItAndFlagged() {
    counter.accept(at(0), 100.0);

    var delta = counter.accept(at(3600), 130.0);

    assertThat(delta.afterGap()).isTrue();
    assertThat(delta.kind()).isEqualTo(Kind.NORMAL);
    assertThat(delta.deltaKwh()).isCloseTo(30.0, within(1e-9));
    assertThat(delta.sinceLast()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void sequenceWithResetDuplicateAndGapSumsToTheEnergyActuallyUsed() {
    // used: 2 + 1 (before restart) + 0.5 (since restart) + 0.5 + 4 (across the gap) = 8 kWh
    double[][] readings = {
      {0, 1000.0}, {10, 1002.0}, {20, 1003.0}, {20, 1003.0}, {30, 0.5}, {40, 1.0}, {1000, 5.0}
    };
    double sum = 0;
    int gaps = 0;
    for (var r : readings) {
      var delta = counter.accept(at((int) r[0]), r[1]);
      sum += delta.deltaKwh();
      gaps += delta.afterGap() ? 1 : 0;
    }

    assertThat(sum).isCloseTo(2 + 1 + 0.5 + 0.5 + 4, within(1e-9));
    assertThat(gaps).isEqualTo(1);
  }

  @Test
  void resumedCounterContinuesFromTheStoredValue() {
    var resumed = EnergyCounter.resumeFrom(LIMITS, at(0), 500.0);

    var delta = resumed.accept(at(10), 500.7);

    assertThat(delta.kind()).isEqualTo(Kind.NORMAL);
    assertThat(delta.deltaKwh()).isCloseTo(0.7, within(1e-9));
  }
}
