package org.enms.analytics.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineTrainerTest {
  private final BaselineTrainer trainer = new BaselineTrainer();

  @Test
  void recoversTheCoefficientsOfAKnownLinearRelation() {
    var history = Synthetic.history(21 * 24, 0.05);

    TrainingResult result =
        trainer.train(history, List.of(), Synthetic.START, Synthetic.hour(21 * 24));

    var c = result.model().coefficients();
    assertThat(c.keySet())
        .containsExactly(
            Features.PRODUCTION, Features.HEATING_DEGREE_HOURS, Features.COOLING_DEGREE_HOURS);
    assertThat(c.get(Features.PRODUCTION)).isCloseTo(Synthetic.PER_UNIT, within(1e-4));
    assertThat(c.get(Features.HEATING_DEGREE_HOURS)).isCloseTo(Synthetic.PER_HDH, within(0.01));
    assertThat(c.get(Features.COOLING_DEGREE_HOURS)).isCloseTo(Synthetic.PER_CDH, within(0.01));
    assertThat(result.model().intercept()).isCloseTo(Synthetic.INTERCEPT, within(0.1));
    assertThat(result.quality().rSquared()).isGreaterThan(0.999);
    assertThat(result.quality().residualStd()).isCloseTo(0.05, within(0.005));
    assertThat(result.quality().pValues().values()).allSatisfy(p -> assertThat(p).isLessThan(1e-6));
    assertThat(result.validity().valid()).isTrue();
    assertThat(result.validity().reasons()).isEmpty();
    assertThat(result.sufficiency().samples()).isEqualTo(21 * 24);
    assertThat(result.sufficiency().hoursPresentPercent()).isEqualTo(100.0);
  }

  @Test
  void reportsCvRmseAndNmbeByTheGuideline14Formulas() {
    var history = Synthetic.history(0, 200, 2.0, i -> i % 7 == 0 ? 3.0 : 0.0);

    TrainingResult result = trainer.train(history, List.of(), Synthetic.START, Synthetic.hour(200));

    double sse = 0;
    double bias = 0;
    double sum = 0;
    for (HourlySample s : history) {
      double residual = s.energyKwh() - result.model().expected(s).orElseThrow();
      sse += residual * residual;
      bias += residual;
      sum += s.energyKwh();
    }
    int n = history.size();
    int p = 4;
    double mean = sum / n;
    var q = result.quality();
    assertThat(q.cvRmsePercent()).isCloseTo(Math.sqrt(sse / (n - p)) / mean * 100, within(1e-9));
    assertThat(q.nmbePercent()).isCloseTo(bias / ((n - p) * mean) * 100, within(1e-9));
    assertThat(q.rmse()).isCloseTo(Math.sqrt(sse / n), within(1e-9));
    assertThat(q.adjustedRSquared()).isLessThan(q.rSquared());
  }

  @Test
  void refusesFewerThanFiftyHours() {
    var history = Synthetic.history(49, 0.1);

    assertThatThrownBy(() -> trainer.train(history, List.of(), Synthetic.START, Synthetic.hour(49)))
        .isInstanceOf(BaselineException.class)
        .hasMessageContaining("Insufficient data")
        .hasMessageContaining("50");
  }

  @Test
  void rejectsAnUnknownDriverAndNamesTheKnownOnes() {
    var history = Synthetic.history(100, 0.1);

    assertThatThrownBy(
            () ->
                trainer.train(
                    history,
                    List.of("production_count", "humidity_percent"),
                    Synthetic.START,
                    Synthetic.hour(100)))
        .isInstanceOf(BaselineException.class)
        .hasMessageContaining("humidity_percent")
        .hasMessageContaining(Features.OUTDOOR_TEMP);
  }

  @Test
  void saysWhyItRefusesSoCallersNeedNotReadTheMessage() {
    var tooShort = Synthetic.history(49, 0.1);
    var history = Synthetic.history(100, 0.1);

    assertThatThrownBy(
            () -> trainer.train(tooShort, List.of(), Synthetic.START, Synthetic.hour(49)))
        .isInstanceOfSatisfying(
            BaselineException.class,
            e -> assertThat(e.kind()).isEqualTo(BaselineException.Kind.INSUFFICIENT_DATA));
    assertThatThrownBy(
            () ->
                trainer.train(
                    history, List.of("humidity_percent"), Synthetic.START, Synthetic.hour(100)))
        .isInstanceOfSatisfying(
            BaselineException.class,
            e -> assertThat(e.kind()).isEqualTo(BaselineException.Kind.UNKNOWN_DRIVER));
    assertThatThrownBy(
            () ->
                trainer.train(
                    history, List.of(Features.PRESSURE), Synthetic.START, Synthetic.hour(100)))
        .isInstanceOfSatisfying(
            BaselineException.class,
            e -> assertThat(e.kind()).isEqualTo(BaselineException.Kind.NO_USABLE_DRIVER));
  }

  @Test
  void acceptsTheVoiceClientsAliasesForDrivers() {
    var history = Synthetic.history(100, 0.1);

    var result =
        trainer.train(
            history,
            List.of("production_count", "outdoor_temp_c"),
            Synthetic.START,
            Synthetic.hour(100));

    assertThat(result.model().featureNames())
        .containsExactly(Features.PRODUCTION, Features.OUTDOOR_TEMP);
  }

  @Test
  void dropsADriverThatIsConstantOverThePeriodAndSaysWhy() {
    List<HourlySample> cold = new ArrayList<>();
    for (HourlySample s : Synthetic.history(100, 0.1)) {
      Map<String, Double> columns = new HashMap<>(s.columns());
      columns.put(Features.OUTDOOR_TEMP, 5.0 + (s.hour().getEpochSecond() / 3600 % 5));
      cold.add(new HourlySample(s.hour(), s.energyKwh(), columns));
    }

    var result = trainer.train(cold, List.of(), Synthetic.START, Synthetic.hour(100));

    assertThat(result.model().featureNames())
        .containsExactly(Features.PRODUCTION, Features.HEATING_DEGREE_HOURS);
    assertThat(result.droppedDrivers())
        .singleElement()
        .asString()
        .contains(Features.COOLING_DEGREE_HOURS, "constant");
  }

  @Test
  void judgesAModelThatExplainsNothingInvalidWithItsReasons() {
    List<HourlySample> noise = new ArrayList<>();
    var random = new java.util.Random(7);
    for (HourlySample s : Synthetic.history(300, 0)) {
      noise.add(new HourlySample(s.hour(), 50 + 30 * random.nextGaussian(), s.columns()));
    }

    var result = trainer.train(noise, List.of(), Synthetic.START, Synthetic.hour(300));

    assertThat(result.validity().valid()).isFalse();
    assertThat(result.validity().reasons())
        .anySatisfy(r -> assertThat(r).startsWith("CV(RMSE)"))
        .anySatisfy(r -> assertThat(r).startsWith("R²"));
  }

  @Test
  void judgesAPeriodWithTooManyMissingHoursInvalid() {
    var history = Synthetic.history(200, 0.1);

    var result = trainer.train(history, List.of(), Synthetic.START, Synthetic.hour(300));

    assertThat(result.sufficiency().hoursPresentPercent()).isCloseTo(66.7, within(0.1));
    assertThat(result.validity().valid()).isFalse();
    assertThat(result.validity().reasons()).singleElement().asString().contains("CalTRACK");
  }

  // An energy-only year with a weekly pattern: weekdays 07–19 UTC run at 50 kWh/h, the rest of
  // the week idles at 10 (8 at weekends); noise alternates ±1 kWh.
  private static final java.time.Instant YEAR = java.time.Instant.parse("2025-01-06T00:00:00Z");
  private static final int YEAR_HOURS = 364 * 24;

  private static double weekly(java.time.Instant hour) {
    var t = hour.atZone(java.time.ZoneOffset.UTC);
    boolean weekend = t.getDayOfWeek().getValue() >= 6;
    if (weekend) {
      return 8;
    }
    return t.getHour() >= 7 && t.getHour() < 19 ? 50 : 10;
  }

  /** Outdoor °C: a seasonal swing of ±12 around 10 and a daily one of ±4. */
  private static double outdoor(int i) {
    return 10 - 12 * Math.cos(2 * Math.PI * i / YEAR_HOURS) + 4 * Math.sin(2 * Math.PI * i / 24.0);
  }

  /** Heating below 13 °C at 2 kWh/K·h, cooling above 24 °C at 3 kWh/K·h. */
  private static double weather(double t) {
    return 2 * Math.max(0, 13 - t) + 3 * Math.max(0, t - 24);
  }

  private static List<HourlySample> year(boolean withTemperature, boolean weatherDriven) {
    List<HourlySample> samples = new ArrayList<>();
    for (int i = 0; i < YEAR_HOURS; i++) {
      var hour = YEAR.plus(java.time.Duration.ofHours(i));
      double t = outdoor(i);
      // ±1 by week, so each hour of the week averages its true level.
      double noise = (i / 168) % 2 == 0 ? 1 : -1;
      double kwh = weekly(hour) + (weatherDriven ? weather(t) : 0) + noise;
      samples.add(
          new HourlySample(
              hour, kwh, withTemperature ? Map.of(Features.OUTDOOR_TEMP, t) : Map.of()));
    }
    return samples;
  }

  private static java.time.Instant yearEnd() {
    return YEAR.plus(java.time.Duration.ofHours(YEAR_HOURS));
  }

  @Test
  void fitsATimeOfWeekModelWhenAnEnergyOnlyExportHasNoDriver() {
    TrainingResult result = trainer.train(year(false, false), List.of(), YEAR, yearEnd());

    BaselineModel model = result.model();
    assertThat(model.type()).isEqualTo(ModelType.TOW);
    assertThat(model.coefficients()).hasSize(168);
    assertThat(model.referenceHour()).contains("tow_mon_00");
    assertThat(result.droppedDrivers()).hasSize(3);
    assertThat(result.quality().rSquared()).isGreaterThan(0.99);
    assertThat(result.quality().cvRmsePercent()).isLessThan(5);
    assertThat(Math.abs(result.quality().nmbePercent())).isLessThan(0.01);
    assertThat(result.validity().valid()).as(result.validity().reasons().toString()).isTrue();
    var mondayMorning = java.time.Instant.parse("2026-03-02T10:00:00Z");
    var mondayNight = java.time.Instant.parse("2026-03-02T02:00:00Z");
    var sundayNoon = java.time.Instant.parse("2026-03-08T12:00:00Z");
    assertThat(model.predict(Map.of(), mondayMorning).energyKwh()).isCloseTo(50, within(0.5));
    assertThat(model.predict(Map.of(), mondayNight).energyKwh()).isCloseTo(10, within(0.5));
    Prediction sunday = model.predict(Map.of(), sundayNoon);
    assertThat(sunday.energyKwh()).isCloseTo(8, within(0.5));
    assertThat(sunday.features()).containsOnlyKeys("tow_sun_12");
    assertThat(sunday.warnings()).isEmpty();
    assertThat(model.expected(new HourlySample(mondayMorning, 0, Map.of())))
        .hasValueSatisfying(v -> assertThat(v).isCloseTo(50, within(0.5)));
  }

  @Test
  void timeOfWeekAndTemperatureBeatsTimeOfWeekWhenLoadFollowsTheWeather() {
    var history = year(true, true);
    var tow =
        trainer.train(history, new TrainingSpec(List.of(), ModelType.TOW, null), YEAR, yearEnd());
    var towt =
        trainer.train(history, new TrainingSpec(List.of(), ModelType.TOWT, null), YEAR, yearEnd());
    // Left to choose, the trainer keeps today's regression on degree hours, which is usable here.
    assertThat(trainer.train(history, List.of(), YEAR, yearEnd()).model().type())
        .isEqualTo(ModelType.OLS);

    assertThat(towt.model().type()).isEqualTo(ModelType.TOWT);
    assertThat(towt.model().featureNames())
        .contains("outdoor_temp_seg_min_m1", "outdoor_temp_seg_13_18", "outdoor_temp_seg_24_max");
    assertThat(towt.quality().rSquared()).isGreaterThan(0.98);
    assertThat(towt.quality().rSquared()).isGreaterThan(tow.quality().rSquared() + 0.05);
    assertThat(towt.quality().cvRmsePercent()).isLessThan(tow.quality().cvRmsePercent() / 2);
    // Slopes: -2 kWh/K below 13 °C, 0 between 13 and 24, +3 above 24 (the data reach 26 °C, so
    // no knot at 32).
    var c = towt.model().coefficients();
    assertThat(c.get("outdoor_temp_seg_13_18")).isCloseTo(0, within(0.1));
    assertThat(c.get("outdoor_temp_seg_18_24")).isCloseTo(0, within(0.1));
    assertThat(c.get("outdoor_temp_seg_7_13")).isCloseTo(-2, within(0.1));
    assertThat(c.get("outdoor_temp_seg_24_max")).isCloseTo(3, within(0.1));
    var hour = java.time.Instant.parse("2026-03-02T10:00:00Z");
    assertThat(towt.model().predict(Map.of("outdoor_temp_c", 5.0), hour).energyKwh())
        .isCloseTo(50 + 16, within(1.0));
    assertThat(tow.validity().valid()).isFalse();
  }

  @Test
  void aHolidayGetsItsOwnLevelInTheTimeOfWeekModel() {
    var holiday = java.time.LocalDate.of(2025, 5, 1); // a Thursday
    List<HourlySample> history = new ArrayList<>();
    for (HourlySample s : year(false, false)) {
      boolean off =
          java.time.LocalDate.ofInstant(s.hour(), java.time.ZoneOffset.UTC).equals(holiday);
      history.add(off ? new HourlySample(s.hour(), 8, Map.of()) : s);
    }
    var calendar = new OperatingCalendar(null, java.util.Set.of(holiday));

    var result =
        trainer.train(history, new TrainingSpec(List.of(), null, calendar), YEAR, yearEnd());

    assertThat(result.model().coefficients()).containsKey(Features.IS_HOLIDAY);
    assertThat(result.model().coefficients().get(Features.IS_HOLIDAY)).isLessThan(-10);
    assertThat(result.model().calendar().holidays()).containsExactly(holiday);
  }

  @Test
  void shiftIsACategoricalDriverOfTheRegression() {
    // Day shift 06–14 at 40 kWh/h, late 14–22 at 30, night at 12.
    List<HourlySample> history = new ArrayList<>();
    for (int i = 0; i < 28 * 24; i++) {
      var hour = YEAR.plus(java.time.Duration.ofHours(i));
      int h = hour.atZone(java.time.ZoneOffset.UTC).getHour();
      double kwh = (h >= 6 && h < 14 ? 40 : h >= 14 && h < 22 ? 30 : 12) + (i % 2 == 0 ? 1 : -1);
      history.add(new HourlySample(hour, kwh, Map.of()));
    }

    var result =
        trainer.train(history, List.of("shift"), YEAR, YEAR.plus(java.time.Duration.ofDays(28)));

    assertThat(result.model().type()).isEqualTo(ModelType.OLS);
    assertThat(result.model().coefficients().keySet()).containsExactly("shift_1", "shift_2");
    assertThat(result.model().intercept()).isCloseTo(12, within(0.1));
    assertThat(result.model().coefficients().get("shift_1")).isCloseTo(28, within(0.1));
    assertThat(result.model().coefficients().get("shift_2")).isCloseTo(18, within(0.1));
  }

  @Test
  void refusesTowtWithoutTemperature() {
    assertThatThrownBy(
            () ->
                trainer.train(
                    year(false, false),
                    new TrainingSpec(List.of(), ModelType.TOWT, null),
                    YEAR,
                    yearEnd()))
        .isInstanceOfSatisfying(
            BaselineException.class,
            e -> assertThat(e.kind()).isEqualTo(BaselineException.Kind.NO_USABLE_DRIVER));
  }
}
