package org.enms.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enms.simulator.physics.Ticks.field;
import static org.enms.simulator.physics.Ticks.number;

import java.util.List;
import org.enms.core.reading.DataType;
import org.junit.jupiter.api.Test;

class HydraulicPumpTest {
  private static final double RATED_KW = 45;

  @Test
  void eachPressCycleBuildsHoldsAndReleasesOnePartAtHoldPressure() {
    List<Sample> samples = Ticks.run(new HydraulicPump(RATED_KW, 30), Times.WEEKDAY_DAY, 30, 600);
    long parts = samples.stream().mapToLong(Sample::productionCount).sum();
    assertThat(parts).isGreaterThan(50);
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      if (s.productionCount() == 1) {
        // the tick before a release is the last hold tick
        assertThat(number(samples.get(i - 1), DataType.ENVIRONMENTAL, "pressure_bar"))
            .isBetween(171.0, 189.0);
        assertThat(number(s, DataType.ENVIRONMENTAL, "pressure_bar")).isZero();
        assertThat(number(s, DataType.PRODUCTION, "production_count_good")).isEqualTo(1.0);
      }
      assertThat(s.powerKw()).isLessThanOrEqualTo(1.05 * RATED_KW);
      assertThat(field(s, DataType.PRODUCTION, "recipe_id").toString()).startsWith("press_cycle_");
      assertThat(number(s, DataType.PRODUCTION, "throughput_units_per_hour")).isEqualTo(20.0);
    }
  }

  @Test
  void idlePumpDrawsFivePercentOfRated() {
    List<Sample> idle =
        Ticks.run(new HydraulicPump(RATED_KW, 30), Times.WEEKEND, 30, 600).stream()
            .filter(s -> s.operatingMode().equals("idle"))
            .toList();
    assertThat(Ticks.mean(idle, Sample::powerKw)).isBetween(0.045 * RATED_KW, 0.055 * RATED_KW);
  }
}
