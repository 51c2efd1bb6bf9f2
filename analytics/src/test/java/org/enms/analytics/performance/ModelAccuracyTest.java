package org.enms.analytics.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ModelAccuracyTest {
  @Test
  void computesEachMeasureOnAHandWorkedWindow() {
    // Residuals −1, 1, −1, 1: SSE 4; actual mean 10, SST 0 + 4 + 4 + 0 = 8.
    ModelAccuracy a = ModelAccuracy.of(new double[] {10, 12, 8, 10}, new double[] {11, 11, 9, 9});

    assertThat(a.sampleCount()).isEqualTo(4);
    assertThat(a.rSquared()).isCloseTo(1 - 4.0 / 8, within(1e-12));
    assertThat(a.rmse()).isCloseTo(1.0, within(1e-12));
    assertThat(a.mae()).isCloseTo(1.0, within(1e-12));
    assertThat(a.mape())
        .isCloseTo((1 / 10.0 + 1 / 12.0 + 1 / 8.0 + 1 / 10.0) / 4 * 100, within(1e-9));
    assertThat(a.biasKwh()).isCloseTo(0, within(1e-12));
    assertThat(a.meanActualKwh()).isCloseTo(10, within(1e-12));
  }

  @Test
  void aMachineUsingMoreThanExpectedHasAPositiveBias() {
    ModelAccuracy a = ModelAccuracy.of(new double[] {12, 14, 10}, new double[] {10, 11, 10});

    assertThat(a.biasKwh()).isCloseTo((2 + 3 + 0) / 3.0, within(1e-12));
    assertThat(a.rmse()).isCloseTo(Math.sqrt((4 + 9 + 0) / 3.0), within(1e-12));
  }

  @Test
  void mapeLeavesOutHoursWithoutConsumption() {
    ModelAccuracy a = ModelAccuracy.of(new double[] {0, 10}, new double[] {1, 8});

    assertThat(a.mape()).isCloseTo(20, within(1e-12));
    assertThat(a.mae()).isCloseTo(1.5, within(1e-12));
    assertThat(ModelAccuracy.of(new double[] {0, 0}, new double[] {1, 2}).mape()).isNull();
  }

  @Test
  void rSquaredIsUndefinedOnAConstantWindow() {
    ModelAccuracy a = ModelAccuracy.of(new double[] {5, 5, 5}, new double[] {4, 5, 6});

    assertThat(a.rSquared()).isNull();
    assertThat(a.rmse()).isCloseTo(Math.sqrt(2 / 3.0), within(1e-12));
  }

  @Test
  void refusesMismatchedOrEmptyWindows() {
    assertThatThrownBy(() -> ModelAccuracy.of(new double[] {1}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModelAccuracy.of(new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
