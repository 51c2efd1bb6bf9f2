package org.enms.http.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.enms.analytics.baseline.ModelType;
import org.enms.analytics.baseline.OperatingCalendar;
import org.enms.analytics.baseline.TrainingSpec;
import org.enms.db.BaselineDao;
import org.junit.jupiter.api.Test;

class RetrainingTest {
  private static BaselineDao.BaselineRow row(
      String modelType, List<String> features, Map<String, Object> metadata) {
    Map<String, Double> coefficients = new LinkedHashMap<>();
    features.forEach(f -> coefficients.put(f, 1.0));
    return new BaselineDao.BaselineRow(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "HVAC-Main",
        "hvac",
        UUID.randomUUID(),
        "electricity",
        "baseline_v1",
        modelType,
        1,
        Instant.parse("2026-10-01T00:00:00Z"),
        Instant.parse("2026-10-31T00:00:00Z"),
        720,
        coefficients,
        20,
        0.9,
        0.89,
        1,
        1,
        5.0,
        0.0,
        1,
        Map.of(),
        Map.of(),
        new BaselineDao.Validity(true, List.of(), List.of()),
        true,
        "enms",
        Instant.parse("2026-10-31T00:00:00Z"),
        metadata);
  }

  @Test
  void aRegressionIsRetrainedOnItsDriversWithItsShiftsAsOneDriver() {
    TrainingSpec spec =
        Retraining.specOf(
            row(
                "linear_regression",
                List.of("total_production_count", "shift_1", "shift_2", "heating_degree_hours"),
                Map.of(
                    "calendar",
                    Map.of(
                        "shift_starts", List.of(7, 15, 23), "holidays", List.of("2026-12-25")))));

    assertThat(spec.modelType()).isEqualTo(ModelType.OLS);
    assertThat(spec.drivers())
        .containsExactly("total_production_count", "shift", "heating_degree_hours");
    assertThat(spec.calendar())
        .isEqualTo(new OperatingCalendar(List.of(7, 15, 23), Set.of(LocalDate.of(2026, 12, 25))));
  }

  @Test
  void aTimeOfWeekModelIsRetrainedAsOneWithItsOwnTerms() {
    TrainingSpec spec =
        Retraining.specOf(
            row(
                "time_of_week_temperature",
                List.of("tow_mon_07", "outdoor_temp_seg_min_7"),
                Map.of()));

    assertThat(spec.modelType()).isEqualTo(ModelType.TOWT);
    assertThat(spec.drivers()).isEmpty();
    assertThat(spec.calendar()).isEqualTo(OperatingCalendar.DEFAULT);
  }
}
