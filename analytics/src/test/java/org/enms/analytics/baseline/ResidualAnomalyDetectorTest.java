package org.enms.analytics.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResidualAnomalyDetectorTest {
  private static final double NOISE = 0.5;
  private static final int TRAIN_HOURS = 21 * 24;

  private final BaselineModel model =
      new BaselineTrainer()
          .train(
              Synthetic.history(TRAIN_HOURS, NOISE),
              List.of(),
              Synthetic.START,
              Synthetic.hour(TRAIN_HOURS))
          .model();
  private final ResidualAnomalyDetector detector = new ResidualAnomalyDetector();

  @Test
  void findsAnInjectedSpikeAndDropAtTheirHoursAndNothingElse() {
    int spike = TRAIN_HOURS + 30;
    int drop = TRAIN_HOURS + 100; // an even hour: its noise (+0.5) leaves z = -2.5
    var week =
        Synthetic.history(
            TRAIN_HOURS, 9 * 24, NOISE, i -> i == spike ? 5 * NOISE : i == drop ? -3.5 * NOISE : 0);

    var found = detector.detect(model, week);

    assertThat(found).hasSize(2);
    assertThat(found.get(0).hour()).isEqualTo(Synthetic.hour(spike));
    assertThat(found.get(0).type()).isEqualTo("spike");
    assertThat(found.get(0).severity()).isEqualTo("critical");
    assertThat(found.get(0).zScore()).isBetween(5.0, 7.0);
    assertThat(found.get(0).method()).isEqualTo(ResidualAnomalyDetector.METHOD_RESIDUAL);
    assertThat(found.get(0).deviationPercent()).isPositive();
    assertThat(found.get(1).hour()).isEqualTo(Synthetic.hour(drop));
    assertThat(found.get(1).type()).isEqualTo("drop");
    assertThat(found.get(1).severity()).isEqualTo("warning");
    assertThat(found.get(1).expectedKwh()).isGreaterThan(found.get(1).actualKwh());
  }

  @Test
  void findsASustainedShiftTooSmallForThePointTestAsOneDrift() {
    int shiftFrom = TRAIN_HOURS + 48;
    var week = Synthetic.history(TRAIN_HOURS, 9 * 24, NOISE, i -> i >= shiftFrom ? 0.8 * NOISE : 0);

    var found = detector.detect(model, week);

    assertThat(found)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.type()).isEqualTo("drift");
              assertThat(a.method()).isEqualTo(ResidualAnomalyDetector.METHOD_CUSUM);
              assertThat(a.hour())
                  .isAfter(Synthetic.hour(shiftFrom))
                  .isBefore(Synthetic.hour(shiftFrom + 24));
              assertThat(a.zScore()).isPositive();
            });
  }

  @Test
  void findsNothingInHistoryThatFollowsItsBaseline() {
    var week = Synthetic.history(TRAIN_HOURS, 9 * 24, NOISE, i -> 0);

    assertThat(detector.detect(model, week)).isEmpty();
  }

  @Test
  void skipsHoursMissingADriver() {
    int spike = TRAIN_HOURS + 5;
    var week = Synthetic.history(TRAIN_HOURS, 10, NOISE, i -> i == spike ? 10 : 0);
    var gap = week.get(5);
    week = new java.util.ArrayList<>(week);
    week.set(5, new HourlySample(gap.hour(), gap.energyKwh(), Map.of()));

    assertThat(detector.detect(model, week)).isEmpty();
  }

  @Test
  void refusesAModelWithoutResidualSpread() {
    var perfect = new BaselineModel(Map.of(Features.PRODUCTION, 1.0), 0, 0, Map.of());

    assertThatThrownBy(() -> detector.detect(perfect, Synthetic.history(10, 0)))
        .isInstanceOf(BaselineException.class);
  }

  @Test
  void saysTheRefusalIsForWantOfResidualSpread() {
    var perfect = new BaselineModel(Map.of(Features.PRODUCTION, 1.0), 0, 0, Map.of());

    assertThatThrownBy(() -> detector.detect(perfect, Synthetic.history(10, 0)))
        .isInstanceOfSatisfying(
            BaselineException.class,
            e -> assertThat(e.kind()).isEqualTo(BaselineException.Kind.NO_RESIDUAL_SPREAD));
  }
}
