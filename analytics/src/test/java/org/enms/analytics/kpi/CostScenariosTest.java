package org.enms.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CostScenariosTest {
  /** 2 kWh at 07:00, 3 at 08:00, 4 at 19:00, 1 at 20:00 (local hours). */
  private static double[] day() {
    double[] kwh = new double[24];
    kwh[7] = 2;
    kwh[8] = 3;
    kwh[19] = 4;
    kwh[20] = 1;
    return kwh;
  }

  @Test
  void timeOfUseSplitsAtTheWindowsEdgesAndComparesWithTheFlatRate() {
    CostScenarios.TimeOfUse tou = CostScenarios.timeOfUse(day(), 8, 20, 0.20, 0.10);

    assertThat(tou.peakKwh()).isCloseTo(7, within(1e-9)); // 08:00 and 19:00
    assertThat(tou.offpeakKwh()).isCloseTo(3, within(1e-9)); // 07:00 and 20:00
    assertThat(tou.peakCost()).isCloseTo(1.4, within(1e-9));
    assertThat(tou.offpeakCost()).isCloseTo(0.3, within(1e-9));
    assertThat(tou.cost()).isCloseTo(1.7, within(1e-9));
    assertThat(tou.peakPercent()).isCloseTo(70, within(1e-9));
    assertThat(tou.standardCost()).isCloseTo(1.5, within(1e-9));
    assertThat(tou.savings()).isCloseTo(-0.2, within(1e-9));
    assertThat(tou.savingsPercent()).isCloseTo(-13.3333, within(1e-3));
  }

  @Test
  void aPeakWindowMayWrapMidnight() {
    CostScenarios.TimeOfUse tou = CostScenarios.timeOfUse(day(), 20, 8, 0.20, 0.10);

    assertThat(tou.peakKwh()).isCloseTo(3, within(1e-9)); // 07:00 and 20:00
  }

  @Test
  void demandChargeAddsThePeakTimesItsRateToTheFlatEnergyCharge() {
    CostScenarios.DemandCharge d = CostScenarios.demandCharge(10, 20, 15);

    assertThat(d.energyCharge()).isCloseTo(1.5, within(1e-9));
    assertThat(d.demandCost()).isCloseTo(300, within(1e-9));
    assertThat(d.cost()).isCloseTo(301.5, within(1e-9));
    assertThat(d.difference()).isCloseTo(300, within(1e-9));
  }

  @Test
  void standardIsTheOriginalsFlatRate() {
    assertThat(CostScenarios.standard(10).cost()).isCloseTo(1.5, within(1e-9));
  }
}
