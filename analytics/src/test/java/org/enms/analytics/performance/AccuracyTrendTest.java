package org.enms.analytics.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.enms.analytics.performance.AccuracyTrend.Point;
import org.junit.jupiter.api.Test;

class AccuracyTrendTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private static Point day(double d, Double r2) {
    return new Point(T0.plusSeconds((long) (d * 86_400)), r2);
  }

  @Test
  void aFallingRSquaredIsDegrading() {
    AccuracyTrend t = AccuracyTrend.of(List.of(day(0, 0.90), day(1, 0.88), day(2, 0.86)));

    assertThat(t.direction()).isEqualTo("degrading");
    assertThat(t.degradationRate()).isCloseTo(-2.0, within(1e-9));
  }

  @Test
  void theRateIsPerDayWhateverTheSpacingOfEvaluations() {
    // Three evaluations on day 0 and one on day 10: the index-based slope would be −0.025 per
    // evaluation; against time it is −0.01 per day.
    AccuracyTrend t =
        AccuracyTrend.of(List.of(day(0, 0.9), day(0, 0.9), day(0, 0.9), day(10, 0.8)));

    assertThat(t.degradationRate()).isCloseTo(-1.0, within(1e-9));
  }

  @Test
  void aRisingRSquaredIsImprovingAndAFlatOneStable() {
    assertThat(AccuracyTrend.of(List.of(day(0, 0.7), day(1, 0.8))).direction())
        .isEqualTo("improving");
    assertThat(AccuracyTrend.of(List.of(day(0, 0.8), day(5, 0.8))).direction()).isEqualTo("stable");
  }

  @Test
  void fewerThanTwoUsableEvaluationsAreStable() {
    AccuracyTrend t = AccuracyTrend.of(List.of(day(0, 0.9), day(1, null)));

    assertThat(t.direction()).isEqualTo("stable");
    assertThat(t.degradationRate()).isZero();
  }
}
