package org.enms.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegularSeriesTest {
  private static final Instant MONDAY = Instant.parse("2025-01-06T00:00:00Z");

  @Test
  void placesValuesByTheStartOfTheirStep() {
    RegularSeries s = RegularSeries.empty(MONDAY, Duration.ofMinutes(15), 96 * 2);
    s.set(Instant.parse("2025-01-07T10:15:00Z"), 3.5);
    s.set(Instant.parse("2025-01-09T00:00:00Z"), 9); // past the end: ignored
    s.set(Instant.parse("2025-01-06T10:07:00Z"), 9); // not on a step: ignored

    int i = s.indexOf(Instant.parse("2025-01-07T10:15:00Z"));
    assertThat(i).isEqualTo(96 + 41);
    assertThat(s.value(i)).isEqualTo(3.5);
    assertThat(s.time(i)).isEqualTo(Instant.parse("2025-01-07T10:15:00Z"));
    assertThat(s.slotOfDay(i)).isEqualTo(41);
    assertThat(s.epochDay(i)).isEqualTo(s.epochDay(0) + 1);
    assertThat(s.stepsPerDay()).isEqualTo(96);
    assertThat(s.stepHours()).isEqualTo(0.25);
    assertThat(java.util.Arrays.stream(s.values()).filter(v -> !Double.isNaN(v)).count())
        .isEqualTo(1);
  }

  @Test
  void coarsensFromTheNextBoundaryAndMissesSumsWithAGap() {
    double[] v = new double[10];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    v[7] = Double.NaN;
    // Starts at 00:30: the first whole hour is 01:00 (index 2).
    RegularSeries s = new RegularSeries(MONDAY.plusSeconds(1800), Duration.ofMinutes(15), v);
    RegularSeries hours = s.coarsen(4);

    assertThat(hours.start()).isEqualTo(MONDAY.plusSeconds(3600));
    assertThat(hours.size()).isEqualTo(2);
    assertThat(hours.value(0)).isEqualTo(2 + 3 + 4 + 5);
    assertThat(hours.value(1)).isNaN();
  }

  @Test
  void refusesStepsThatDoNotDivideADayAndStartsOffTheGrid() {
    assertThatThrownBy(() -> new RegularSeries(MONDAY, Duration.ofMinutes(7), new double[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new RegularSeries(MONDAY.plusSeconds(60), Duration.ofHours(1), new double[1]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void knowsWhetherItEverWentNegative() {
    assertThat(
            new RegularSeries(MONDAY, Duration.ofHours(1), new double[] {0, 1, Double.NaN})
                .nonNegative())
        .isTrue();
    assertThat(new RegularSeries(MONDAY, Duration.ofHours(1), new double[] {0, -1}).nonNegative())
        .isFalse();
  }
}
