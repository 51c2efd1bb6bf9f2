package org.enms.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EnergyUnitsTest {
  @Test
  void convertsPerUnitFiguresOfTheStandardSourcesToPerKwh() {
    assertThat(EnergyUnits.perKwh(0.45, "electricity", "kWh")).isEqualTo(0.45);
    assertThat(EnergyUnits.perKwh(2.03, "natural_gas", "m³"))
        .isCloseTo(2.03 / 10.55, within(1e-12));
    assertThat(EnergyUnits.perKwh(0.35, "steam", "kg")).isCloseTo(0.35 / 2.26, within(1e-12));
    assertThat(EnergyUnits.perKwh(120.0, "electricity", "MWh")).isCloseTo(0.12, within(1e-12));
  }

  @Test
  void unknownFiguresOrUnitsCountZero() {
    assertThat(EnergyUnits.perKwh(null, "electricity", "kWh")).isZero();
    assertThat(EnergyUnits.perKwh(0.03, "compressed_air", "Nm³")).isZero();
  }
}
