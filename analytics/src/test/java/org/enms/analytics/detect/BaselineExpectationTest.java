package org.enms.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.enms.analytics.baseline.BaselineModel;
import org.enms.analytics.baseline.Features;
import org.enms.analytics.baseline.ModelType;
import org.enms.analytics.baseline.OperatingCalendar;
import org.junit.jupiter.api.Test;

class BaselineExpectationTest {
  /** A Monday. */
  private static final Instant WEEK = Instant.parse("2025-03-03T00:00:00Z");

  /** Shifts from 05 and 17; the Wednesday a holiday. */
  private static final OperatingCalendar CALENDAR =
      new OperatingCalendar(List.of(5, 17), Set.of(LocalDate.parse("2025-03-05")));

  /** A time-of-week model as the trainer writes it: the first hour the reference, at 0. */
  private static BaselineModel timeOfWeek(boolean withTemperature, Random random) {
    Map<String, Double> c = new LinkedHashMap<>();
    List<String> hours = Features.timesOfWeek();
    c.put(hours.get(0), 0.0);
    hours.subList(1, hours.size()).forEach(h -> c.put(h, 40 * random.nextDouble() - 10));
    c.put(Features.IS_HOLIDAY, -12.5);
    if (withTemperature) {
      c.put(Features.temperatureSegment(Double.NaN, -1), -2.5);
      c.put(Features.temperatureSegment(-1, 13), -1.75);
      c.put(Features.temperatureSegment(13, 24), 0.1);
      c.put(Features.temperatureSegment(24, Double.NaN), 3.2);
    }
    return new BaselineModel(
        c, 20.3, 1.5, Map.of(), withTemperature ? ModelType.TOWT : ModelType.TOW, CALENDAR);
  }

  /** A regression on every driver the entity can know, and every calendar term. */
  private static BaselineModel everyDriver() {
    Map<String, Double> c = new LinkedHashMap<>();
    c.put(Features.PRODUCTION, 0.37);
    c.put(Features.HEATING_DEGREE_HOURS, 1.3);
    c.put(Features.COOLING_DEGREE_HOURS, 2.1);
    c.put(Features.OUTDOOR_TEMP_SQUARED, -0.01);
    c.put(Features.OUTDOOR_TEMP, 0.2);
    c.put(Features.HOUR_OF_DAY, 0.3);
    c.put(Features.DAY_OF_WEEK, -0.7);
    c.put(Features.IS_WEEKEND, -9.0);
    c.put(Features.IS_HOLIDAY, -4.0);
    c.put(Features.shift(1), 6.0);
    return new BaselineModel(c, -3.0, 1.0, Map.of(), ModelType.OLS, CALENDAR);
  }

  /**
   * Asks every 97 s over a week (each hour of the week several times, with the drivers changing
   * within hours, sometimes unknown) and holds the cached answer to the definition.
   */
  private static void assertSameAsFromScratch(BaselineModel model) {
    var cached = new BaselineExpectation(model);
    var random = new Random(3);
    String[] missing = new String[1];
    int compared = 0;
    Double temperature = 8.0;
    Double production = 120.0;
    for (Instant t = WEEK; t.isBefore(WEEK.plus(Duration.ofDays(7))); t = t.plusSeconds(97)) {
      if (random.nextInt(10) == 0) {
        temperature = random.nextInt(20) == 0 ? null : -10 + 45 * random.nextDouble();
      }
      if (random.nextInt(4) == 0) {
        production = random.nextInt(20) == 0 ? null : (double) random.nextInt(300);
      }
      var drivers = new Drivers(production, temperature);
      missing[0] = null;
      double expected = BaselineExpectation.fromScratch(model, t, drivers, missing);
      double actual = cached.expectedKw(t, drivers);
      assertThat(Double.doubleToLongBits(actual))
          .as("%s at %s with %s", model.type(), t, drivers)
          .isEqualTo(Double.doubleToLongBits(expected));
      assertThat(cached.missing()).as("missing at %s with %s", t, drivers).isEqualTo(missing[0]);
      compared++;
    }
    assertThat(compared).isGreaterThan(6_000);
  }

  @Test
  void aTimeOfWeekModelGivesTheSameExpectationCachedAsFromScratchOverAWeek() {
    assertSameAsFromScratch(timeOfWeek(false, new Random(1)));
  }

  @Test
  void aTimeOfWeekAndTemperatureModelGivesTheSameExpectationCachedAsFromScratch() {
    assertSameAsFromScratch(timeOfWeek(true, new Random(2)));
  }

  @Test
  void aRegressionOnEveryDriverAndCalendarTermGivesTheSameExpectationCachedAsFromScratch() {
    assertSameAsFromScratch(everyDriver());
  }

  @Test
  void aDriverTheEntityNeverKnowsIsNamedAsMissing() {
    var model =
        new BaselineModel(
            Map.of(Features.PRODUCTION, 0.5, Features.PRESSURE, 3.0), 1.0, 1.0, Map.of());
    var cached = new BaselineExpectation(model);
    assertThat(cached.expectedKw(WEEK, new Drivers(10.0, 5.0))).isNaN();
    assertThat(cached.missing()).isEqualTo(Features.PRESSURE);
  }

  @Test
  void theCalendarIsTheModelsOwn() {
    Map<String, Double> c = new LinkedHashMap<>();
    c.put(Features.shift(1), 10.0);
    var model = new BaselineModel(c, 1.0, 1.0, Map.of(), ModelType.OLS, CALENDAR);
    var cached = new BaselineExpectation(model);
    // 05:00 is in the model's first shift (from 05), not in the default calendar's (from 06).
    assertThat(cached.expectedKw(WEEK.plus(Duration.ofHours(5)), Drivers.NONE)).isEqualTo(11.0);
  }

  @Test
  void aNewModelInTheDetectorIsUsedFromTheNextReadingInTheSameHour() {
    var detector = new LiveDetector(LiveDetectorTest.seeded(), 100);
    Instant t = WEEK.plus(Duration.ofHours(30)).plusSeconds(10);
    detector.useBaseline(new BaselineModel(Map.of(), 30.0, 1.0, Map.of()));
    assertThat(detector.expected(t, Drivers.NONE).kw()).isEqualTo(30.0);
    detector.useBaseline(new BaselineModel(Map.of(), 50.0, 1.0, Map.of()));
    assertThat(detector.expected(t.plusSeconds(10), Drivers.NONE).kw()).isEqualTo(50.0);
  }

  @Test
  void onlyAModelOnProductionOrTemperatureAsksTheEntityForDrivers() {
    var detector = new LiveDetector(LiveDetectorTest.seeded(), 100);
    assertThat(detector.wantsDrivers()).isFalse();
    detector.useBaseline(timeOfWeek(false, new Random(4)));
    assertThat(detector.wantsDrivers()).isFalse();
    detector.useBaseline(timeOfWeek(true, new Random(5)));
    assertThat(detector.wantsDrivers()).isTrue();
    detector.useBaseline(new BaselineModel(Map.of(Features.PRODUCTION, 0.5), 1.0, 1.0, Map.of()));
    assertThat(detector.wantsDrivers()).isTrue();
  }
}
