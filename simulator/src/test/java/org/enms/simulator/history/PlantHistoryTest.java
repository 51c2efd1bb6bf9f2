package org.enms.simulator.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import org.junit.jupiter.api.Test;

class PlantHistoryTest {
  private static final Machine PUMP = DemoPlant.byName("Hydraulic-Pump-1").orElseThrow();

  /** A Friday and the Saturday after it, by quarter hour. */
  private static final Instant FRIDAY = Instant.parse("2025-03-07T00:00:00Z");

  @Test
  void followsThePlantsShiftsAndWeekends() {
    double[] kwh =
        PlantHistory.electricityKwh(
            PUMP, FRIDAY, Duration.ofMinutes(15), 2 * 96, 0, new SplittableRandom(1));

    double fridayShift = sum(kwh, 10 * 4, 14 * 4);
    double fridayNight = sum(kwh, 0, 4 * 4);
    double saturday = sum(kwh, 96 + 10 * 4, 96 + 14 * 4);
    assertThat(fridayShift).isGreaterThan(fridayNight).isGreaterThan(saturday);
    // Each quarter holds 30 readings of 30 s: at most the rated 45 kW for 15 minutes.
    assertThat(java.util.Arrays.stream(kwh).boxed()).allMatch(q -> q > 0 && q <= 45 * 0.25 * 1.1);
  }

  @Test
  void isTheSameForTheSameSeed() {
    double[] a =
        PlantHistory.electricityKwh(
            PUMP, FRIDAY, Duration.ofHours(1), 48, 5, new SplittableRandom(7));
    double[] b =
        PlantHistory.electricityKwh(
            PUMP, FRIDAY, Duration.ofHours(1), 48, 5, new SplittableRandom(7));
    assertThat(a).containsExactly(b);
  }

  private static double sum(double[] values, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += values[i];
    }
    return s;
  }
}
