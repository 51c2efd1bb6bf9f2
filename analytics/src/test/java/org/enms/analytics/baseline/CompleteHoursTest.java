package org.enms.analytics.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CompleteHoursTest {
  private final CompleteHours hours =
      new CompleteHours(
          Clock.fixed(Instant.parse("2026-11-27T10:20:00Z"), ZoneOffset.UTC),
          Duration.ofMinutes(2));

  @Test
  void stopsBeforeTheHourThatIsStillRunning() {
    assertThat(hours.clamp(Instant.parse("2026-11-27T10:20:00Z")))
        .isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
  }

  @Test
  void leavesAnEndInThePastAlone() {
    assertThat(hours.clamp(Instant.parse("2026-11-26T18:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-26T18:00:00Z"));
  }

  @Test
  void waitsForTheRollUpsJustAfterTheHourTurns() {
    var justAfter =
        new CompleteHours(
            Clock.fixed(Instant.parse("2026-11-27T10:01:00Z"), ZoneOffset.UTC),
            Duration.ofMinutes(2));
    assertThat(justAfter.clamp(Instant.parse("2026-11-27T10:01:00Z")))
        .isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
  }
}
