package org.enms.analytics.enpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TargetProgressTest {

  @Test
  void targetFiguresFollowFromTheBaselineAndTheReduction() {
    TargetProgress t = new TargetProgress(10_000, 5);
    assertThat(t.targetSavingsKwh()).isCloseTo(500, within(1e-9));
    assertThat(t.targetEnergyKwh()).isCloseTo(9_500, within(1e-9));
  }

  @Test
  void progressIsNormalisedSavingsOverTheSavingsDueSoFar() {
    // 2,000 kWh expected so far, 1,950 used: 50 saved of the 100 due (5 %) → 50 %.
    var s =
        new TargetProgress(10_000, 5).state(new Enpi(1_950, 2_000), LocalDate.of(2026, 3, 1), 2026);
    assertThat(s.currentEnergyKwh()).isEqualTo(1_950);
    assertThat(s.currentSavingsKwh()).isCloseTo(50, within(1e-9));
    assertThat(s.progressPercent()).isCloseTo(50, within(1e-9));
    assertThat(s.status()).isEqualTo("active");
  }

  @Test
  void statusIsAchievedAtRiskAfterJuneOrMissedOnceTheYearIsOver() {
    var t = new TargetProgress(10_000, 5);
    assertThat(t.state(new Enpi(1_800, 2_000), LocalDate.of(2026, 3, 1), 2026).status())
        .isEqualTo("achieved");
    assertThat(t.state(new Enpi(2_000, 2_000), LocalDate.of(2026, 8, 1), 2026).status())
        .isEqualTo("at_risk");
    assertThat(t.state(new Enpi(2_000, 2_000), LocalDate.of(2027, 1, 2), 2026).status())
        .isEqualTo("missed");
  }
}
