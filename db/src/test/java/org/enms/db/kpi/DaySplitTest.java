package org.enms.db.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DaySplitTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  private static DaySplit split(String start, String end) {
    return DaySplit.of(Instant.parse(start), Instant.parse(end), NOW);
  }

  @Test
  void wholeDaysBetweenPartialOnesAreReadFromTheDailySums() {
    assertThat(split("2025-06-02T10:07:00Z", "2025-07-01T20:00:00Z"))
        .isEqualTo(
            new DaySplit(
                Instant.parse("2025-06-03T00:00:00Z"), Instant.parse("2025-07-01T00:00:00Z")));
  }

  @Test
  void aPeriodOfWholeDaysIsAllDailySums() {
    assertThat(split("2025-06-01T00:00:00Z", "2025-07-02T00:00:00Z"))
        .isEqualTo(
            new DaySplit(
                Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2025-07-02T00:00:00Z")));
  }

  @Test
  void intervalsThatOnlyOverlapThePeriodsEdgesStillCompleteADay() {
    // 00:00–00:15 overlaps a start at 00:05; 23:45–24:00 overlaps an end at 23:50.
    assertThat(split("2025-06-01T00:05:00Z", "2025-06-02T23:50:00Z"))
        .isEqualTo(
            new DaySplit(
                Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2025-06-03T00:00:00Z")));
  }

  @Test
  void theCurrentDayComesFromTheIntervals() {
    assertThat(split("2025-12-30T00:00:00Z", "2026-01-02T00:00:00Z"))
        .isEqualTo(
            new DaySplit(
                Instant.parse("2025-12-30T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")));
  }

  @Test
  void withoutAWholeDayEverythingComesFromTheIntervals() {
    DaySplit s = split("2025-06-02T10:07:00Z", "2025-06-03T12:00:00Z");

    assertThat(s.dayFrom()).isEqualTo(s.dayTo()).isEqualTo(Instant.parse("2025-06-02T10:00:00Z"));
  }
}
