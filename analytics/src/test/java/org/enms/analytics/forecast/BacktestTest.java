package org.enms.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {
  private static final List<RegularSeries> HOURLY =
      List.of(
          GeneratedPlant.series(Duration.ofHours(1), 16, 1),
          GeneratedPlant.series(Duration.ofHours(1), 16, 2));

  @Test
  void theSeasonalProfileBeatsTheOriginalsMovingAverageOnTomorrowsEnergy() {
    Backtest backtest = new Backtest(HOURLY, 28 * 24, 24, 24);
    Accuracy original = backtest.totals(Forecaster.movingAverage());
    Accuracy ours = backtest.totals(Forecaster.seasonal());
    System.out.println("tomorrow's energy: " + original + "\n                   " + ours);

    assertThat(ours.targets()).isEqualTo(original.targets()).isEqualTo(2 * 84);
    assertThat(ours.mase()).isLessThan(0.5 * original.mase());
    assertThat(ours.mape()).isLessThan(0.5 * original.mape());
  }

  @Test
  void theSeasonalProfileBeatsTheMovingAverageAndTheSeasonalNaiveHourByHour() {
    Backtest backtest = new Backtest(HOURLY, 28 * 24, 24, 24);
    Accuracy original = backtest.steps(Forecaster.movingAverage());
    Accuracy naive = backtest.steps(Forecaster.seasonalNaive());
    Accuracy ours = backtest.steps(Forecaster.seasonal());
    System.out.println("hourly: " + original + "\n        " + naive + "\n        " + ours);

    assertThat(ours.mase()).isLessThan(0.5 * original.mase()).isLessThan(naive.mase());
    assertThat(ours.mape()).isLessThan(0.5 * original.mape()).isLessThan(naive.mape());
  }

  @Test
  void intervalsCoverCloseToTheirNominalLevel() {
    Accuracy hourly = new Backtest(HOURLY, 28 * 24, 24, 24).steps(Forecaster.seasonal());
    Accuracy quarters =
        new Backtest(
                List.of(GeneratedPlant.series(Duration.ofMinutes(15), 12, 3)), 28 * 96, 7 * 4, 16)
            .steps(Forecaster.seasonal());

    for (Accuracy a : List.of(hourly, quarters)) {
      assertThat(a.coverage80()).as(a.toString()).isCloseTo(0.80, within(0.06));
      assertThat(a.coverage95()).as(a.toString()).isCloseTo(0.95, within(0.035));
    }
  }

  @Test
  void errorMeasuresFollowTheirDefinitions() {
    // Two weeks of a constant 10 then a third at 12: the weekly naive scale before the third week
    // is 0 (skipped), so measure from a series with one jump in the first week.
    double[] values = new double[21];
    Arrays.fill(values, 10);
    values[3] = 17; // naive scale over days 7..13: |10 − 17| once in 7 pairs = 1
    values[14] = 12; // the first target: forecast 10 by the moving average of days 7..13
    RegularSeries daily = new RegularSeries(Instant.EPOCH, Duration.ofDays(1), values);
    Accuracy a = new Backtest(List.of(daily), 14, 7, 1).steps(Forecaster.movingAverage());

    assertThat(a.targets()).isEqualTo(1);
    assertThat(a.mape()).isCloseTo(100 * 2.0 / 12, within(1e-9));
    assertThat(a.mase()).isCloseTo(2.0 / 1.0, within(1e-9));
  }
}
