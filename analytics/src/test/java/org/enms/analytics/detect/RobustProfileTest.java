package org.enms.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RobustProfileTest {
  private static final Instant MONDAY = Instant.parse("2025-03-03T00:00:00Z");

  @Test
  void numbersSlotsFromMondayMidnightUtc() {
    assertThat(RobustProfile.slot(MONDAY)).isZero();
    assertThat(RobustProfile.slot(MONDAY.plus(Duration.ofHours(24 + 14)).plusSeconds(59)))
        .isEqualTo(38);
    assertThat(RobustProfile.slot(MONDAY.minusSeconds(1))).isEqualTo(167);
  }

  @Test
  void trustsASlotFromThreeWeeksAndIgnoresAnOutlierWeek() {
    var profile = new RobustProfile();
    Instant hour = MONDAY.plus(Duration.ofHours(10));
    profile.addHour(hour.minus(Duration.ofDays(21)), 40);
    profile.addHour(hour.minus(Duration.ofDays(14)), 42);
    assertThat(profile.expected(hour)).isNull();
    profile.addHour(hour.minus(Duration.ofDays(7)), 400);

    var e = profile.expected(hour);
    assertThat(e.source()).isEqualTo(Expectation.Source.TIME_OF_WEEK);
    assertThat(e.kw()).isEqualTo(42.0);
    // MAD = 2 → 2.97 kW, below the 10 % floor of 4.2 kW.
    assertThat(e.sigmaKw()).isCloseTo(4.2, within(1e-9));
    assertThat(e.describe(hour)).isEqualTo("Monday 10:00 (robust profile)");
  }

  @Test
  void fallsBackToTheHourOfDayAndThenToTheLastHour() {
    var profile = new RobustProfile();
    for (int d = 1; d <= 3; d++) {
      profile.addHour(MONDAY.plus(Duration.ofDays(d)).plus(Duration.ofHours(9)), 30 + d);
    }
    var e = profile.expected(MONDAY.plus(Duration.ofDays(5)).plus(Duration.ofHours(9)));
    assertThat(e.source()).isEqualTo(Expectation.Source.HOUR_OF_DAY);
    assertThat(e.kw()).isEqualTo(32.0);

    Instant other = MONDAY.plus(Duration.ofHours(3));
    assertThat(profile.expected(other)).isNull();
    for (int m = 0; m < 15; m++) {
      profile.addMinute(10 + m % 3);
    }
    assertThat(profile.expected(other).source()).isEqualTo(Expectation.Source.RECENT);
    assertThat(profile.expected(other).kw()).isEqualTo(11.0);
  }

  @Test
  void keepsOnlyTheLastSixWeeksOfASlot() {
    var profile = new RobustProfile();
    Instant hour = MONDAY.plus(Duration.ofHours(10));
    for (int w = 9; w >= 1; w--) {
      profile.addHour(hour.minus(Duration.ofDays(7L * w)), w > 6 ? 100 : 20);
    }
    assertThat(profile.samples(hour)).isEqualTo(6);
    assertThat(profile.expected(hour).kw()).isEqualTo(20.0);
  }
}
