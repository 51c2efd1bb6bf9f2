package org.enms.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastTest {
  private static final Instant T0 = Instant.parse("2025-03-03T00:00:00Z");

  /** 20 runs of two steps: forecast 10 and 10, actual 10 + e and 10 − e with e = −9 … 10. */
  private static Run[] runs() {
    Run[] runs = new Run[Calibration.DAYS];
    for (int d = 0; d < 20; d++) {
      double e = d - 9;
      runs[d] = new Run(new double[] {10, 10}, new double[] {10 + e, 10 - e});
    }
    return runs;
  }

  private static Forecast forecast(double[] point, Run[] runs) {
    return new Forecast("test", T0, Duration.ofHours(1), point, runs, true);
  }

  @Test
  void aBandAddsTheRunsErrorQuantilesToEachStep() {
    // 40 errors: −9 … 10 and 9 … −10. At 80 %: ranks ⌊41·0.1⌋ = 4 and ⌈41·0.9⌉ = 37 of the sorted
    // errors −10, −9, −9, −8, −8, … → −8 and 8.
    Band band = forecast(new double[] {20, 30}, runs()).band(0.80);

    assertThat(band.lower()).containsExactly(12.0, 22.0);
    assertThat(band.upper()).containsExactly(28.0, 38.0);
  }

  @Test
  void aBandNeverGoesBelowZeroForASeriesThatNeverDid() {
    Band band = forecast(new double[] {3, 3}, runs()).band(0.80);

    assertThat(band.lower()).containsExactly(0.0, 0.0);
  }

  @Test
  void aTotalIsCalibratedOnTheRunsTotals() {
    // Each run's two errors cancel in the total: its interval is exactly the point.
    Total total = forecast(new double[] {20, 30}, runs()).total(0, 2, 0.95);

    assertThat(total.point()).isEqualTo(50.0);
    assertThat(total.lower()).isEqualTo(50.0);
    assertThat(total.upper()).isEqualTo(50.0);
    assertThat(forecast(new double[] {20, 30}, runs()).totalError(0, 2)).isEqualTo(0.0);
  }

  @Test
  void theTotalErrorIsTheRunsWeightedAbsolutePercentageError() {
    Run[] runs = new Run[Calibration.DAYS];
    runs[0] = new Run(new double[] {10}, new double[] {8});
    runs[1] = new Run(new double[] {10}, new double[] {12});
    runs[2] = new Run(new double[] {10}, new double[] {Double.NaN}); // not known yet: left out

    assertThat(forecast(new double[] {1}, runs).totalError(0, 1))
        .isCloseTo(4.0 / 20, within(1e-12));
  }

  @Test
  void aSumOfForecastsSumsTheirRunsSoTheTotalsErrorsAreMeasured() {
    Run[] a = new Run[Calibration.DAYS];
    Run[] b = new Run[Calibration.DAYS];
    a[0] = new Run(new double[] {10}, new double[] {12});
    b[0] = new Run(new double[] {5}, new double[] {3});
    a[1] = new Run(new double[] {10}, new double[] {11});
    // b has no run one day back: the sum has none either.
    Forecast sum =
        Forecast.sum(
            "plant", List.of(forecast(new double[] {10}, a), forecast(new double[] {5}, b)));

    assertThat(sum.point(0)).isEqualTo(15.0);
    assertThat(sum.calibrationRuns()).isEqualTo(1);
    assertThat(sum.totalError(0, 1)).isEqualTo(0.0); // +2 and −2 cancel
  }
}
