package org.enms.analytics.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DriftRuleTest {
  private static final TrainingFit FIT = new TrainingFit(0.9, 2.0, 1.5);
  private final DriftRule rule = DriftRule.DEFAULT;

  private static ModelAccuracy recent(Double r2, double rmse) {
    return new ModelAccuracy(168, r2, rmse, rmse * 0.8, 5.0, 0, 20);
  }

  @Test
  void aModelDoingAsInTrainingHasNotDrifted() {
    Drift d = rule.assess(recent(0.9, 2.0), FIT);

    assertThat(d.detected()).isFalse();
    assertThat(d.score()).isCloseTo(0, within(1e-12));
    assertThat(d.type()).isEqualTo(Drift.Type.NO_DRIFT);
    assertThat(d.recommendation()).isEqualTo(Drift.Recommendation.OK);
    assertThat(d.threshold()).isEqualTo(0.1);
  }

  @Test
  void doingBetterThanInTrainingIsNoDegradation() {
    // The original's absolute differences would score 0.6·0.05 + 0.4·0.25 = 0.13: drift.
    Drift d = rule.assess(recent(0.95, 1.5), FIT);

    assertThat(d.score()).isCloseTo(0, within(1e-12));
    assertThat(d.detected()).isFalse();
  }

  @Test
  void aGrowingErrorIsDataDrift() {
    // 0.6 · (0.9 − 0.8) + 0.4 · (2.5 − 2) / 2 = 0.06 + 0.10
    Drift d = rule.assess(recent(0.8, 2.5), FIT);

    assertThat(d.score()).isCloseTo(0.16, within(1e-12));
    assertThat(d.detected()).isTrue();
    assertThat(d.type()).isEqualTo(Drift.Type.DATA_DRIFT);
    assertThat(d.recommendation()).isEqualTo(Drift.Recommendation.RETRAIN);
  }

  @Test
  void aCollapsedRSquaredIsConceptDrift() {
    // 0.6 · 0.3 = 0.18, and R² lost more than 0.15
    Drift d = rule.assess(recent(0.6, 2.0), FIT);

    assertThat(d.score()).isCloseTo(0.18, within(1e-12));
    assertThat(d.type()).isEqualTo(Drift.Type.CONCEPT_DRIFT);
  }

  @Test
  void degradationWithinTheThresholdIsWatched() {
    // 0.4 · 0.3 / 2 = 0.06: above half the threshold, below it
    Drift d = rule.assess(recent(0.9, 2.3), FIT);

    assertThat(d.score()).isCloseTo(0.06, within(1e-12));
    assertThat(d.detected()).isFalse();
    assertThat(d.recommendation()).isEqualTo(Drift.Recommendation.MONITOR);
  }

  @Test
  void anUndefinedRSquaredScoresOnTheErrorAlone() {
    Drift d = rule.assess(recent(null, 3.0), FIT);

    assertThat(d.score()).isCloseTo(0.2, within(1e-12));
    assertThat(d.detected()).isTrue();
  }

  @Test
  void tooFewHoursAreNotJudged() {
    ModelAccuracy fewHours = new ModelAccuracy(10, 0.1, 9.0, 8.0, 50.0, 5, 20);

    Drift d = rule.assess(fewHours, FIT);

    assertThat(d.detected()).isFalse();
    assertThat(d.recommendation()).isEqualTo(Drift.Recommendation.MONITOR);
    assertThat(d.advice()).contains("10 hours");
  }

  @Test
  void refusesAThresholdOfZero() {
    assertThatThrownBy(() -> new DriftRule(0, 24)).isInstanceOf(IllegalArgumentException.class);
  }
}
