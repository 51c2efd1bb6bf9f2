package org.enms.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enms.simulator.physics.Ticks.number;

import java.util.List;
import org.enms.core.reading.DataType;
import org.junit.jupiter.api.Test;

class HvacTest {
  private static final double RATED_KW = 150;

  @Test
  void powerStaysBetweenStandbyAndRatedWithCopInItsBounds() {
    List<Sample> samples = Ticks.run(new Hvac(RATED_KW, 10), Times.SUMMER_DAY, 10, 1000);
    assertThat(samples)
        .allSatisfy(
            s -> {
              assertThat(s.powerKw()).isBetween(0.0, RATED_KW);
              assertThat(number(s, DataType.ENVIRONMENTAL, "cop")).isBetween(2.0, 4.5);
            });
  }

  @Test
  void summerWeekdaysNeedMoreCoolingPowerThanWinterWeekends() {
    double summer =
        Ticks.mean(Ticks.run(new Hvac(RATED_KW, 10), Times.SUMMER_DAY, 10, 500), Sample::powerKw);
    double winterWeekend =
        Ticks.mean(Ticks.run(new Hvac(RATED_KW, 10), Times.WEEKEND, 10, 500), Sample::powerKw);
    assertThat(summer).isGreaterThan(winterWeekend * 1.5);
  }

  @Test
  void humidSeasonRaisesOutdoorHumidity() {
    assertThat(Ticks.run(new Hvac(RATED_KW, 10), Times.SUMMER_DAY, 10, 200))
        .allSatisfy(
            s ->
                assertThat(number(s, DataType.ENVIRONMENTAL, "outdoor_humidity_percent"))
                    .isBetween(60.0, 85.0));
  }

  @Test
  void publishesStagesAsSpeedPercentAndTheOriginalEnvironmentalFields() {
    Sample sample = Ticks.run(new Hvac(RATED_KW, 10), Times.WEEKDAY_DAY, 10, 1).get(0);
    assertThat(number(sample, DataType.PRODUCTION, "speed_percent")).isIn(0.0, 33.33, 66.67, 100.0);
    assertThat(sample.messages().get(2).fields())
        .containsOnlyKeys(
            "outdoor_temp_c",
            "indoor_temp_c",
            "outdoor_humidity_percent",
            "indoor_humidity_percent",
            "supply_air_temp_c",
            "return_air_temp_c",
            "chilled_water_supply_temp_c",
            "chilled_water_return_temp_c",
            "cop");
  }
}
