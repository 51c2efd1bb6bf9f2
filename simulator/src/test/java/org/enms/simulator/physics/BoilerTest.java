package org.enms.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enms.simulator.physics.Ticks.number;

import java.util.List;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.enms.core.reading.DataType;
import org.enms.core.reading.EnergyType;
import org.junit.jupiter.api.Test;

class BoilerTest {
  private static final double RATED_KW = 45;

  private static List<Sample> day() {
    return Ticks.run(new Boiler(RATED_KW, 30), Times.WEEKDAY_DAY, 30, 1000);
  }

  @Test
  void daytimeValuesMatchTheOriginalTypicalOutput() {
    List<Sample> samples = day();
    assertThat(Ticks.mean(samples, Sample::powerKw)).isCloseTo(31.5, Percentage.withPercentage(5));
    assertThat(Ticks.mean(samples, s -> number(s, DataType.NATURAL_GAS, "flow_rate_m3h")))
        .isCloseTo(176, Percentage.withPercentage(5));
    assertThat(Ticks.mean(samples, s -> number(s, DataType.STEAM, "flow_rate_kg_h")))
        .isCloseTo(592, Percentage.withPercentage(5));
  }

  @Test
  void nightLoadFollowsUtcHours() {
    List<Sample> night = Ticks.run(new Boiler(RATED_KW, 30), Times.WEEKDAY_NIGHT, 30, 100);
    assertThat(Ticks.mean(night, Sample::powerKw)).isCloseTo(18.0, Percentage.withPercentage(8));
  }

  @Test
  void allMessagesOfATickDeriveFromOneLoadAndEfficiency() {
    for (Sample s : day()) {
      double gasKwh = number(s, DataType.NATURAL_GAS, "consumption_m3") * EnergyType.GAS_KWH_PER_M3;
      double steamKwh = number(s, DataType.STEAM, "consumption_kg") * EnergyType.STEAM_KWH_PER_KG;
      double efficiency = number(s, DataType.PRODUCTION, "efficiency");
      assertThat(steamKwh / gasKwh).isCloseTo(efficiency * efficiency, Offset.offset(0.001));
      assertThat(number(s, DataType.PRODUCTION, "production_count"))
          .isEqualTo(Math.floor(number(s, DataType.STEAM, "consumption_kg")));
      assertThat(number(s, DataType.PRODUCTION, "production_rate"))
          .isCloseTo(number(s, DataType.STEAM, "flow_rate_kg_h"), Offset.offset(0.01));
      // electricity tracks the same load: its ratio to gas heat stays in the draw's ±15 % band
      double heatKw =
          number(s, DataType.NATURAL_GAS, "flow_rate_m3h") * EnergyType.GAS_KWH_PER_M3 * efficiency;
      assertThat(s.powerKw() / (heatKw / Boiler.THERMAL_PER_ELECTRICAL_KW)).isBetween(0.84, 1.16);
    }
  }

  @Test
  void publishesElectricityGasAndSteamInsteadOfEnergy() {
    Sample s = day().get(0);
    assertThat(s.messages())
        .extracting(Message::dataType)
        .containsExactly(
            DataType.ELECTRICITY,
            DataType.NATURAL_GAS,
            DataType.STEAM,
            DataType.PRODUCTION,
            DataType.ENVIRONMENTAL);
    assertThat(s.messages().get(1).fields())
        .containsOnlyKeys(
            "flow_rate_m3h",
            "consumption_m3",
            "pressure_bar",
            "temperature_c",
            "calorific_value_kwh_m3");
    assertThat(s.messages().get(2).fields())
        .containsOnlyKeys(
            "flow_rate_kg_h", "consumption_kg", "pressure_bar", "temperature_c", "enthalpy_kj_kg");
    assertThat(s.messages().get(3).fields())
        .containsOnlyKeys(
            "production_count", "production_rate", "quality_rating", "defect_count", "efficiency");
    assertThat(s.messages().get(4).fields())
        .containsOnlyKeys("temperature_c", "humidity_percent", "co2_ppm", "pressure_mbar");
  }
}
