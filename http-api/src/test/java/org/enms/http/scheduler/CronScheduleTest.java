package org.enms.http.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
  private static final ZoneId UTC = ZoneOffset.UTC;

  private static Instant next(String cron, String after) {
    return CronSchedule.parse(cron, UTC).nextAfter(Instant.parse(after)).orElseThrow();
  }

  @Test
  void theWeeklyRetrainFiresOnSundayAtTwo() {
    // 2026-11-27 is a Friday.
    assertThat(next("0 2 * * 0", "2026-11-27T10:00:00Z"))
        .isEqualTo(Instant.parse("2026-11-29T02:00:00Z"));
    assertThat(next("0 2 * * 7", "2026-11-27T10:00:00Z"))
        .as("Sunday is 0 or 7, as in crontab")
        .isEqualTo(Instant.parse("2026-11-29T02:00:00Z"));
    assertThat(next("0 2 * * 0", "2026-11-29T02:00:00Z"))
        .as("strictly after: a week later")
        .isEqualTo(Instant.parse("2026-12-06T02:00:00Z"));
  }

  @Test
  void hourlyJobsFireAtTheirMinuteOfEachHour() {
    assertThat(next("5 * * * *", "2026-11-27T10:04:59Z"))
        .isEqualTo(Instant.parse("2026-11-27T10:05:00Z"));
    assertThat(next("5 * * * *", "2026-11-27T10:05:00Z"))
        .isEqualTo(Instant.parse("2026-11-27T11:05:00Z"));
    assertThat(next("15 * * * *", "2026-11-27T23:20:00Z"))
        .isEqualTo(Instant.parse("2026-11-28T00:15:00Z"));
  }

  @Test
  void theDailyJobFiresAfterMidnightAndAcrossTheYear() {
    assertThat(next("30 0 * * *", "2026-12-31T00:30:00Z"))
        .isEqualTo(Instant.parse("2027-01-01T00:30:00Z"));
  }

  @Test
  void dayOfMonthAndDayOfWeekTogetherMeanEitherAsInCrontab() {
    // The 1st of the month or any Monday: after Fri 2026-11-27, Monday 30th comes before Dec 1st.
    assertThat(next("0 0 1 * 1", "2026-11-27T00:00:00Z"))
        .isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
    assertThat(next("0 0 1 * 1", "2026-11-30T00:00:00Z"))
        .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void sixFieldsPutSecondsFirst() {
    assertThat(next("*/10 * * * * *", "2026-11-27T10:00:03Z"))
        .isEqualTo(Instant.parse("2026-11-27T10:00:10Z"));
    assertThat(next("0 0 2 * * 0", "2026-11-27T10:00:00Z"))
        .isEqualTo(Instant.parse("2026-11-29T02:00:00Z"));
  }

  @Test
  void fireTimesFollowTheConfiguredZoneThroughDaylightSaving() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    CronSchedule twoAm = CronSchedule.parse("0 2 * * *", berlin);
    // Before the change 02:00 CET is 01:00Z; after it (2026-03-29) 02:00 does not exist, and the
    // next one is 02:00 CEST on the 30th, 00:00Z.
    assertThat(twoAm.nextAfter(Instant.parse("2026-03-27T12:00:00Z")))
        .contains(Instant.parse("2026-03-28T01:00:00Z"));
    assertThat(twoAm.nextAfter(Instant.parse("2026-03-29T12:00:00Z")))
        .contains(Instant.parse("2026-03-30T00:00:00Z"));
    assertThat(twoAm.trigger()).isEqualTo("cron[0 2 * * *, Europe/Berlin]");
  }

  @Test
  void offNeverComesDue() {
    CronSchedule off = CronSchedule.parse(" OFF ", UTC);
    assertThat(off.isOff()).isTrue();
    assertThat(off.nextAfter(Instant.parse("2026-11-27T10:00:00Z"))).isEmpty();
    assertThat(off.trigger()).isEqualTo("off");
  }

  @Test
  void refusesWhatIsNotCronWithTheReason() {
    assertThatThrownBy(() -> CronSchedule.parse("0 2 * *", UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5 fields");
    assertThatThrownBy(() -> CronSchedule.parse("61 * * * *", UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'61 * * * *' is not a cron expression");
    assertThatThrownBy(() -> CronSchedule.parse("", UTC))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
