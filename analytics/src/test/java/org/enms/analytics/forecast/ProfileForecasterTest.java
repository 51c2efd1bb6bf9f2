package org.enms.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProfileForecasterTest {
  @Test
  void aPlantWithWeekendsGetsAProfileThatKnowsThem() {
    RegularSeries s = GeneratedPlant.series(Duration.ofHours(1), 8, 7);
    // Origin: Saturday of week 8, 00:00 (before the rise); forecast the weekend and Monday.
    int origin = (7 * 7 + 5) * 24;
    Forecast f = Forecaster.seasonal().forecast(s, origin, 72);

    assertThat(f.method()).doesNotContain("every day alike");
    assertThat(f.point(12)).isCloseTo(8, within(1.5)); // Saturday noon
    assertThat(f.point(48 + 12)).isCloseTo(50, within(6.0)); // Monday noon
    assertThat(f.point(48 + 2)).isCloseTo(20, within(3.0)); // Monday 02:00
    // One run per earlier day that has a day of history before it.
    assertThat(f.calibrationRuns()).isEqualTo(7 * 7 + 5 - 1);
  }

  @Test
  void aRoundTheClockProcessIsForecastFromEveryDay() {
    double[] v = new double[6 * 7 * 24];
    for (int i = 0; i < v.length; i++) {
      v[i] = 30 + 10 * Math.sin(2 * Math.PI * (i % 24) / 24) + (i % 5) * 0.1;
    }
    RegularSeries s = new RegularSeries(GeneratedPlant.START, Duration.ofHours(1), v);
    Forecast f = Forecaster.seasonal().forecast(s, v.length, 24);

    assertThat(f.point(6)).isCloseTo(40, within(0.5));
    assertThat(f.band(0.95).upper()[6] - f.band(0.95).lower()[6]).isLessThan(2);
  }

  @Test
  void aMachineWithMinutesOfHistoryGetsItsRecentLevelAndAWideInterval() {
    RegularSeries s =
        new RegularSeries(
            Instant.parse("2025-03-03T10:00:00Z"), Duration.ofHours(1), new double[] {42});
    Forecast f = Forecaster.seasonal().forecast(s, 1, 24);

    assertThat(f.point(5)).isEqualTo(42.0);
    assertThat(f.calibrationRuns()).isZero();
    assertThat(f.method()).contains("no earlier day");
    Band band = f.band(0.95);
    assertThat(band.lower()[5]).isZero();
    assertThat(band.upper()[5]).isGreaterThan(42 * 2.5);
  }
}
