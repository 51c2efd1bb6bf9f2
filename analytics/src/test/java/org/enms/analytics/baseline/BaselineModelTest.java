package org.enms.analytics.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineModelTest {
  private final BaselineModel model =
      new BaselineTrainer()
          .train(
              Synthetic.history(21 * 24, 0.05), List.of(), Synthetic.START, Synthetic.hour(21 * 24))
          .model();

  @Test
  void predictsFromMeasurementsByDerivingDegreeHours() {
    Prediction p = model.predict(Map.of(Features.PRODUCTION, 1000.0, Features.OUTDOOR_TEMP, 10.0));

    assertThat(p.energyKwh()).isCloseTo(20 + 10 + 1.5 * 8, within(0.1));
    assertThat(p.features()).containsEntry(Features.HEATING_DEGREE_HOURS, 8.0);
    assertThat(p.features()).containsEntry(Features.COOLING_DEGREE_HOURS, 0.0);
    assertThat(p.warnings()).isEmpty();
  }

  @Test
  void warnsWhenAnInputIsOutsideTheTrainingRange() {
    Prediction p = model.predict(Map.of("production_count", 5_000_000.0, "outdoor_temp_c", 22.0));

    assertThat(p.warnings())
        .singleElement()
        .asString()
        .contains(Features.PRODUCTION, "outside the training range");
  }

  @Test
  void fillsAMissingDriverWithItsTrainingMeanAndSaysSo() {
    Prediction p = model.predict(Map.of(Features.PRODUCTION, 1000.0));

    double meanHdh = model.ranges().get(Features.HEATING_DEGREE_HOURS).mean();
    assertThat(p.features()).containsEntry(Features.HEATING_DEGREE_HOURS, meanHdh);
    assertThat(p.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("training mean"));
  }

  @Test
  void ignoresUnknownInputsWithAWarning() {
    var inputs = new HashMap<String, Double>();
    inputs.put(Features.PRODUCTION, 1000.0);
    inputs.put(Features.OUTDOOR_TEMP, 18.0);
    inputs.put("avg_load_factor", 0.85);

    Prediction p = model.predict(inputs);

    assertThat(p.warnings()).containsExactly("Unknown feature 'avg_load_factor' ignored");
    assertThat(p.energyKwh()).isCloseTo(30, within(0.1));
  }

  @Test
  void neverPredictsNegativeEnergy() {
    Prediction p = model.predict(Map.of(Features.PRODUCTION, -1e6, Features.OUTDOOR_TEMP, 18.0));

    assertThat(p.energyKwh()).isZero();
  }
}
