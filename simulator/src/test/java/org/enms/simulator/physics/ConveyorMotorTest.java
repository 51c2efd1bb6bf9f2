package org.enms.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enms.simulator.physics.Ticks.number;

import java.util.List;
import org.assertj.core.data.Offset;
import org.enms.core.reading.DataType;
import org.junit.jupiter.api.Test;

class ConveyorMotorTest {
  private static final double RATED_KW = 22;

  @Test
  void speedSettlesAtTheShiftTarget() {
    assertThat(meanSpeed(Times.WEEKDAY_DAY)).isCloseTo(99.0, Offset.offset(2.0));
    assertThat(meanSpeed(Times.WEEKDAY_NIGHT)).isCloseTo(60.0, Offset.offset(2.0));
    assertThat(meanSpeed(Times.WEEKEND)).isCloseTo(44.0, Offset.offset(2.0));
  }

  @Test
  void dayShiftDrawsNearRatedPowerAndWeekendsAFraction() {
    double day = Ticks.mean(run(Times.WEEKDAY_DAY), Sample::powerKw);
    double weekend = Ticks.mean(run(Times.WEEKEND), Sample::powerKw);
    assertThat(day).isBetween(0.9 * RATED_KW, 1.1 * RATED_KW);
    assertThat(weekend).isBetween(0.05 * RATED_KW, 0.2 * RATED_KW);
    assertThat(run(Times.WEEKDAY_DAY))
        .allSatisfy(s -> assertThat(s.powerKw()).isLessThanOrEqualTo(1.1 * RATED_KW));
  }

  @Test
  void countsTwoItemsPerMetreWithTwoPercentRejects() {
    Sample sample = run(Times.WEEKDAY_DAY).get(100);
    double count = number(sample, DataType.PRODUCTION, "production_count");
    assertThat(count).isBetween(8.0, 10.0);
    assertThat(number(sample, DataType.PRODUCTION, "production_count_bad"))
        .isEqualTo(Math.floor(count * 0.02));
  }

  private static List<Sample> run(java.time.Instant start) {
    return Ticks.run(new ConveyorMotor(RATED_KW, 10), start, 10, 300);
  }

  private static double meanSpeed(java.time.Instant start) {
    return Ticks.mean(run(start), s -> number(s, DataType.PRODUCTION, "speed_percent"));
  }
}
