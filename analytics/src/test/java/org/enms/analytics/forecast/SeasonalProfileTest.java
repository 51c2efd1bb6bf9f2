package org.enms.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeasonalProfileTest {
  private static final Instant MONDAY = Instant.parse("2025-01-06T00:00:00Z");

  /** Three weeks of hours: weekdays 10·(day of week + 1) + hour/100, weekends 1. */
  private static RegularSeries weeks() {
    double[] v = new double[21 * 24];
    for (int i = 0; i < v.length; i++) {
      int dayOfWeek = (i / 24) % 7;
      v[i] = dayOfWeek >= 5 ? 1 : 10 * (dayOfWeek + 1) + (i % 24) / 100.0;
    }
    return new RegularSeries(MONDAY, Duration.ofHours(1), v);
  }

  private static double[] forecast(SeasonalProfile p, RegularSeries s, int origin, int horizon) {
    double[] point = new double[horizon];
    p.forecast(s, origin, point);
    return point;
  }

  @Test
  void eachWeekdayOnItsOwnRepeatsLastWeeksDay() {
    // Origin Monday of week 4 (index 21·24): Monday's hours are 10.00 … 10.23.
    RegularSeries s = weeks();
    double[] monday = forecast(new SeasonalProfile(DayType.WEEKDAY, 3, 0), s, s.size(), 48);

    assertThat(monday[0]).isEqualTo(10.0);
    assertThat(monday[7]).isCloseTo(10.07, within(1e-9));
    assertThat(monday[24 + 7]).isCloseTo(20.07, within(1e-9)); // Tuesday
  }

  @Test
  void aWorkweekProfileTakesTheMedianOfTheLastWorkdays() {
    // Last five workdays before the origin: Mon–Fri of week 3, at 07: 10, 20, 30, 40, 50 (+0.07).
    RegularSeries s = weeks();
    double[] point = forecast(new SeasonalProfile(DayType.WORKWEEK, 5, 0), s, s.size(), 24 * 6);

    assertThat(point[7]).isCloseTo(30.07, within(1e-9));
    assertThat(point[5 * 24 + 7]).isEqualTo(1.0); // Saturday from Saturdays
  }

  @Test
  void aHolidayInTheHistoryDoesNotMoveTheMedian() {
    RegularSeries s = weeks();
    s.values()[14 * 24 + 9] = 0; // Monday of week 3 at 09:00 stood still
    double[] point = forecast(new SeasonalProfile(DayType.WEEKDAY, 3, 0), s, s.size(), 24);

    assertThat(point[9]).isCloseTo(10.09, within(1e-9));
  }

  @Test
  void withoutTheSameKindOfDayEveryDayStandsInAndWithoutAnyTheRecentMean() {
    double[] v = new double[30];
    for (int i = 0; i < v.length; i++) {
      v[i] = i < 24 ? 4 : 10; // a Monday at 4, then Tuesday's first six hours at 10
    }
    RegularSeries s = new RegularSeries(MONDAY, Duration.ofHours(1), v);
    double[] point = forecast(new SeasonalProfile(DayType.WEEKDAY, 3, 0), s, 30, 2);

    // Tuesday 06:00 has no Tuesday before it: Monday 06:00 stands in.
    assertThat(point[0]).isEqualTo(4.0);
    RegularSeries fresh =
        new RegularSeries(MONDAY, Duration.ofHours(1), new double[] {6, 8, Double.NaN});
    assertThat(forecast(new SeasonalProfile(DayType.WEEKDAY, 3, 0), fresh, 3, 2))
        .containsExactly(7.0, 7.0);
  }

  @Test
  void persistenceCarriesTheLastHoursDeviationAndLetsItFade() {
    RegularSeries s = weeks();
    double[] extended = java.util.Arrays.copyOf(s.values(), s.size() + 10);
    for (int i = s.size(); i < extended.length; i++) {
      extended[i] = i - s.size() < 9 ? 10 + (i % 24) / 100.0 : 14 + (i % 24) / 100.0;
    }
    // Monday 09:00 ran 4 above its profile; the forecast from 10:00 starts 4·0.5 above.
    RegularSeries monday = new RegularSeries(MONDAY, Duration.ofHours(1), extended);
    int origin = s.size() + 10;
    double[] plain = forecast(new SeasonalProfile(DayType.WEEKDAY, 3, 0), monday, origin, 3);
    double[] carried = forecast(new SeasonalProfile(DayType.WEEKDAY, 3, 0.5), monday, origin, 3);

    assertThat(carried[0] - plain[0]).isCloseTo(2.0, within(1e-9));
    assertThat(carried[1] - plain[1]).isCloseTo(1.0, within(1e-9));
    assertThat(carried[2] - plain[2]).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void theMovingAverageIsTheFlatMeanOfTheLastSevenDays() {
    double[] v = new double[9 * 24];
    for (int i = 0; i < v.length; i++) {
      v[i] = i < 2 * 24 ? 100 : (i % 2 == 0 ? 1 : 3);
    }
    double[] point = new double[5];
    new MovingAverage()
        .forecast(new RegularSeries(MONDAY, Duration.ofHours(1), v), v.length, point);

    assertThat(point).containsOnly(2.0);
  }

  @Test
  void theSeasonalNaiveRepeatsLastWeek() {
    RegularSeries s = weeks();
    double[] point = new double[24 * 8];
    new SeasonalNaive().forecast(s, s.size(), point);

    assertThat(point[7]).isCloseTo(10.07, within(1e-9));
    assertThat(point[7 * 24 + 7]).isCloseTo(10.07, within(1e-9)); // a week out: the latest week
  }
}
