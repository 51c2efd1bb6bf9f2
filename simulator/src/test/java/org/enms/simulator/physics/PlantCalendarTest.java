package org.enms.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlantCalendarTest {

  @Test
  void weekdayDayShiftsRunAtFullOutputAndTheNightShiftAtHalf() {
    assertThat(PlantCalendar.shiftFactor(Instant.parse("2025-01-15T06:00:00Z"))).isEqualTo(1.0);
    assertThat(PlantCalendar.shiftFactor(Instant.parse("2025-01-15T13:59:59Z"))).isEqualTo(1.0);
    assertThat(PlantCalendar.shiftFactor(Instant.parse("2025-01-15T14:00:00Z"))).isEqualTo(1.0);
    assertThat(PlantCalendar.shiftFactor(Instant.parse("2025-01-15T21:59:59Z"))).isEqualTo(1.0);
    assertThat(PlantCalendar.shiftFactor(Instant.parse("2025-01-15T22:00:00Z"))).isEqualTo(0.5);
    assertThat(PlantCalendar.shiftFactor(Instant.parse("2025-01-15T05:59:59Z"))).isEqualTo(0.5);
  }

  @Test
  void weekendsRunAtThirtyPercentAllDay() {
    assertThat(PlantCalendar.shiftFactor(Instant.parse("2025-01-18T10:00:00Z"))).isEqualTo(0.3);
    assertThat(PlantCalendar.shiftFactor(Instant.parse("2025-01-19T23:00:00Z"))).isEqualTo(0.3);
  }

  @Test
  void shiftsFollowUtcNotTheLocalZone() {
    // 23:30 UTC on Friday is still a weekday night shift, whatever the JVM's zone.
    assertThat(PlantCalendar.shiftFactor(Instant.parse("2025-01-17T23:30:00Z"))).isEqualTo(0.5);
  }

  @Test
  void seasonalOffsetsFollowTheOriginalTable() {
    int[] expected = {-10, -10, 0, 5, 10, 15, 15, 15, 10, 5, 0, -10};
    for (int month = 1; month <= 12; month++) {
      Instant mid = Instant.parse(String.format("2025-%02d-15T12:00:00Z", month));
      assertThat(PlantCalendar.seasonalOffsetC(mid))
          .as("month %d", month)
          .isEqualTo(expected[month - 1]);
    }
  }

  @Test
  void outdoorTemperatureStaysWithinFiveDegreesOfBasePlusSeason() {
    var random = new SplittableRandom(1);
    for (int i = 0; i < 1000; i++) {
      assertThat(PlantCalendar.outdoorTempC(Times.SUMMER_DAY, random)).isBetween(25.0, 35.0);
      assertThat(PlantCalendar.outdoorTempC(Times.WEEKDAY_DAY, random)).isBetween(0.0, 10.0);
    }
  }

  @Test
  void noiseNeverDrivesAValueBelowZero() {
    var random = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      assertThat(Noise.add(0.01, 200, random)).isGreaterThanOrEqualTo(0.0);
    }
  }
}
