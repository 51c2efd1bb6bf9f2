package org.enms.analytics.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.enms.analytics.baseline.BaselineModel;
import org.enms.analytics.baseline.Features;
import org.enms.analytics.baseline.HourlySample;
import org.junit.jupiter.api.Test;

class WindowEvaluationTest {
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  // 2 kWh + 0.5 kWh per unit; training residuals had a standard error of 1 kWh.
  private static final BaselineModel MODEL =
      new BaselineModel(Map.of(Features.PRODUCTION, 0.5), 2, 1.0, Map.of());

  private static HourlySample hour(int h, double kwh, Double units) {
    return new HourlySample(
        T0.plusSeconds(3600L * h),
        kwh,
        units == null ? Map.of() : Map.of(Features.PRODUCTION, units));
  }

  @Test
  void judgesTheHoursTheModelCanExpect() {
    // Expected 7, 12, 17; residuals 0, 1, 5 (one beyond 3 standard errors). The fourth hour has
    // no production, so the model cannot judge it; the window spans six hours.
    WindowEvaluation e =
        WindowEvaluation.of(
            MODEL,
            List.of(hour(0, 7, 10.0), hour(1, 13, 20.0), hour(2, 22, 30.0), hour(3, 9, null)),
            6);

    ModelAccuracy a = e.accuracy().orElseThrow();
    assertThat(a.sampleCount()).isEqualTo(3);
    assertThat(a.rmse()).isCloseTo(Math.sqrt((0 + 1 + 25) / 3.0), within(1e-12));
    assertThat(a.mae()).isCloseTo(2.0, within(1e-12));
    assertThat(a.biasKwh()).isCloseTo(2.0, within(1e-12));
    assertThat(e.dataCompleteness()).isCloseTo(0.5, within(1e-12));
    assertThat(e.outlierPercent()).isCloseTo(100.0 / 3, within(1e-9));
    assertThat(e.hoursInWindow()).isEqualTo(6);
  }

  @Test
  void aWindowWithoutJudgeableHoursHasNoAccuracy() {
    WindowEvaluation e = WindowEvaluation.of(MODEL, List.of(hour(0, 5, null)), 24);

    assertThat(e.accuracy()).isEmpty();
    assertThat(e.dataCompleteness()).isZero();
  }
}
