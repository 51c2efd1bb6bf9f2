package org.enms.analytics.enpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EnpiTest {

  @Test
  void ratioDeviationAndImprovementFollowFromActualAndExpected() {
    // 900 kWh used where the baseline expects 1,000: EnPI 0.9, 10 % improvement, 100 kWh saved.
    Enpi e = new Enpi(900, 1000);
    assertThat(e.ratio()).isCloseTo(0.9, within(1e-12));
    assertThat(e.deviationKwh()).isCloseTo(-100, within(1e-12));
    assertThat(e.deviationPercent()).isCloseTo(-10, within(1e-12));
    assertThat(e.savingsKwh()).isCloseTo(100, within(1e-12));
    assertThat(e.improvementPercent()).isCloseTo(10, within(1e-12));
  }

  @Test
  void nothingExpectedGivesNoRatioRatherThanInfinity() {
    Enpi e = new Enpi(5, 0);
    assertThat(e.ratio()).isNaN();
    assertThat(e.improvementPercent()).isNaN();
    assertThat(e.deviationKwh()).isEqualTo(5);
  }

  @Test
  void periodsAddTheirEnergiesNotTheirRatios() {
    // 0.5 and 1.5 average to 1.0, but the combined period used 1,100 of 1,200 expected.
    Enpi sum = new Enpi(100, 200).plus(new Enpi(1000, 1000 / 1.0 * 1.0));
    assertThat(sum.ratio()).isCloseTo(1100.0 / 1200.0, within(1e-12));
  }

  @Test
  void theOriginalsVerdictBandsAreKept() {
    assertThat(IsoStatus.compliance(-3)).isEqualTo("compliant");
    assertThat(IsoStatus.compliance(4.9)).isEqualTo("warning");
    assertThat(IsoStatus.compliance(-5.1)).isEqualTo("critical");
    assertThat(IsoStatus.tracker(-10)).isEqualTo("excellent");
    assertThat(IsoStatus.tracker(5)).isEqualTo("on_track");
    assertThat(IsoStatus.tracker(15)).isEqualTo("requires_attention");
    assertThat(IsoStatus.tracker(15.1)).isEqualTo("critical");
    assertThat(IsoStatus.engine(20)).isEqualTo("non_compliant");
    assertThat(IsoStatus.efficiencyScore(-12)).isEqualTo(0.8);
  }
}
