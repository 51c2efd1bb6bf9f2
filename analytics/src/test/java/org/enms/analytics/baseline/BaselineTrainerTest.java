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
}
