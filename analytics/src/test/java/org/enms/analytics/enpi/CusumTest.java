package org.enms.analytics.enpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.enms.analytics.baseline.FitQuality;
import org.enms.analytics.baseline.Validity;
import org.junit.jupiter.api.Test;

class CusumTest {
  private static final LocalDate D1 = LocalDate.of(2026, 3, 2);

  @Test
  void runsTheSumOfActualMinusExpectedAndItsNegativeAsSavings() {
    List<Cusum.Day> days =
        List.of(
            new Cusum.Day(D1, 110, 100),
            new Cusum.Day(D1.plusDays(1), 90, 100),
            new Cusum.Day(D1.plusDays(2), 80, 100));
    List<Cusum.Point> points = Cusum.of(days);
    // +10, then 10 − 10 = 0, then 0 − 20 = −20.
    assertThat(points).extracting(Cusum.Point::cusumKwh).containsExactly(10.0, 0.0, -20.0);
    assertThat(points).extracting(Cusum.Point::savingsKwh).containsExactly(-10.0, -0.0, 20.0);
    Enpi total = Cusum.total(days);
    assertThat(total.actualKwh()).isEqualTo(280);
    assertThat(total.expectedKwh()).isEqualTo(300);
    assertThat(total.savingsKwh()).isEqualTo(points.get(2).savingsKwh());
  }

  @Test
  void expectsEachDayFromItsOwnVariables() {
    // E = 50 + 2 · production; a day without production reported expects the intercept.
    SeuBaseline b = baseline(50, Map.of(SeuFeatures.PRODUCTION, 2.0));
    List<Cusum.Day> days =
        Cusum.days(
            List.of(
                new DailySample(D1.plusDays(1), 140, null, null, 24),
                new DailySample(D1, 260, 100.0, null, 24)),
            b);
    assertThat(days.get(0).day()).isEqualTo(D1);
    assertThat(days.get(0).expectedKwh()).isCloseTo(250, within(1e-9));
    assertThat(days.get(1).expectedKwh()).isCloseTo(50, within(1e-9));
    assertThat(Cusum.of(days).get(1).cusumKwh()).isCloseTo(10 + 90, within(1e-9));
  }

  @Test
  void aMissingTemperatureIsExpectedAtItsBaselineMean() {
    SeuBaseline b =
        new SeuBaseline(
            Map.of(SeuFeatures.HEATING_DEGREE_DAYS, 10.0),
            5,
            Map.of(SeuFeatures.HEATING_DEGREE_DAYS, 3.0),
            D1,
            D1,
            7,
            100,
            quality(),
            new Validity(true, List.of(), List.of()));
    assertThat(b.expected(new DailySample(D1, 1, null, 8.0, 24))).isCloseTo(105, within(1e-9));
    assertThat(b.expected(new DailySample(D1, 1, null, null, 24))).isCloseTo(35, within(1e-9));
  }

  static SeuBaseline baseline(double intercept, Map<String, Double> coefficients) {
    return new SeuBaseline(
        coefficients,
        intercept,
        Map.of(),
        D1,
        D1,
        7,
        0,
        quality(),
        new Validity(true, List.of(), List.of()));
  }

  private static FitQuality quality() {
    return new FitQuality(1, 1, 0, 0, 0, 0, 0, null, Map.of());
  }
}
