package org.enms.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enms.simulator.physics.Ticks.field;
import static org.enms.simulator.physics.Ticks.number;

import java.util.List;
import org.enms.core.reading.DataType;
import org.junit.jupiter.api.Test;

class InjectionMoldingTest {
  private static final double RATED_KW = 120;

  @Test
  void barrelWarmsTowardTwoHundredTwentyOverSuccessiveCycles() {
    List<Sample> samples =
        Ticks.run(new InjectionMolding(RATED_KW, 30), Times.WEEKDAY_DAY, 30, 400);
    double late =
        samples.subList(300, 400).stream()
            .mapToDouble(s -> number(s, DataType.ENVIRONMENTAL, "machine_temp_c"))
            .max()
            .orElseThrow();
    assertThat(late).isBetween(209.0, 231.0);
  }

  @Test
  void ejectsOnePartPerCycleAndMostPartsAreGoodOnceWarm() {
    List<Sample> samples =
        Ticks.run(new InjectionMolding(RATED_KW, 30), Times.WEEKDAY_DAY, 30, 2000);
    long parts = samples.stream().mapToLong(Sample::productionCount).sum();
    double good =
        samples.stream()
            .mapToDouble(s -> number(s, DataType.PRODUCTION, "production_count_good"))
            .sum();
    assertThat(parts).isGreaterThan(150);
    assertThat(good / parts).isGreaterThan(0.85);
    assertThat(samples)
        .allSatisfy(
            s -> {
              assertThat(s.powerKw()).isLessThanOrEqualTo(1.1 * RATED_KW);
              assertThat(field(s, DataType.PRODUCTION, "recipe_id").toString())
                  .startsWith("mold_PP_");
            });
  }
}
