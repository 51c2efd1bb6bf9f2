package org.enms.analytics.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.enms.analytics.performance.HeadToHead.Hour;
import org.junit.jupiter.api.Test;

class HeadToHeadTest {
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  /**
   * Hours of {@code days} days; B is off by {@code errB}, A by {@code errA} plus a daily wobble.
   */
  private static List<Hour> hours(int days, double errA, double errB) {
    List<Hour> out = new ArrayList<>();
    for (int h = 0; h < days * 24; h++) {
      double actual = 10 + h % 5;
      double wobble = (h / 24 % 3) * 0.1;
      out.add(new Hour(T0.plusSeconds(3600L * h), actual, actual + errA + wobble, actual - errB));
    }
    return out;
  }

  @Test
  void aModelWithSmallerErrorsEveryDayWins() {
    HeadToHead r = HeadToHead.of(hours(7, 2.0, 0.5));

    assertThat(r.winner()).isEqualTo("model_b");
    assertThat(r.days()).isEqualTo(7);
    assertThat(r.pValue()).isLessThan(0.001);
    assertThat(r.confidence()).isCloseTo(1 - r.pValue(), within(1e-12));
    assertThat(r.a().rmse()).isGreaterThan(r.b().rmse());
    assertThat(r.b().rmse()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void equalErrorsDeclareNoWinner() {
    List<Hour> same = new ArrayList<>();
    for (int h = 0; h < 72; h++) {
      // A is above and B below by the same amount: equal squared errors.
      same.add(new Hour(T0.plusSeconds(3600L * h), 10, 11, 9));
    }

    HeadToHead r = HeadToHead.of(same);

    assertThat(r.winner()).isEqualTo("no_winner");
    assertThat(r.pValue()).isEqualTo(1.0);
  }

  @Test
  void differencesThatChangeSignFromDayToDayAreNotSignificant() {
    List<Hour> mixed = new ArrayList<>();
    for (int h = 0; h < 4 * 24; h++) {
      boolean aBetter = (h / 24) % 2 == 0;
      mixed.add(
          new Hour(
              T0.plusSeconds(3600L * h),
              10,
              aBetter ? 10.5 : 11.0 + 0.01 * (h / 24),
              aBetter ? 11.0 : 10.5));
    }

    HeadToHead r = HeadToHead.of(mixed);

    assertThat(r.winner()).isEqualTo("no_winner");
    assertThat(r.pValue()).isGreaterThan(0.05);
  }

  @Test
  void lessThanTwoDaysIsNotJudged() {
    HeadToHead r = HeadToHead.of(hours(1, 2.0, 0.5));

    assertThat(r.winner()).isEqualTo("no_winner");
    assertThat(r.pValue()).isNull();
    assertThat(HeadToHead.of(List.of()).a()).isNull();
  }
}
