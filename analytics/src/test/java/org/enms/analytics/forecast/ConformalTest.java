package org.enms.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConformalTest {
  @Test
  void boundsAreTheOrderStatisticsOfTheFiniteSampleRank() {
    double[] errors = new double[19];
    for (int i = 0; i < errors.length; i++) {
      errors[i] = 19 - i; // 19 … 1, unsorted on purpose
    }
    // n = 19, 90 %: upper rank ⌈20 · 0.95⌉ = 19, lower rank ⌊20 · 0.05⌋ = 1.
    assertThat(Conformal.bounds(errors.clone(), 19, 0.90, 0)).containsExactly(1.0, 19.0);
    // 80 %: ranks ⌈20 · 0.9⌉ = 18 and ⌊20 · 0.1⌋ = 2.
    assertThat(Conformal.bounds(errors.clone(), 19, 0.80, 0)).containsExactly(2.0, 18.0);
  }

  @Test
  void tooFewErrorsForTheLevelUseTheExtremes() {
    assertThat(Conformal.bounds(new double[] {-1, 4, 2}, 3, 0.95, 0)).containsExactly(-1.0, 4.0);
  }

  @Test
  void withoutErrorsANormalOfTheTypicalSizeStandsIn() {
    double[] b = Conformal.bounds(new double[0], 0, 0.95, 10);
    assertThat(b[0]).isCloseTo(-19.6, within(0.01));
    assertThat(b[1]).isCloseTo(19.6, within(0.01));
  }
}
