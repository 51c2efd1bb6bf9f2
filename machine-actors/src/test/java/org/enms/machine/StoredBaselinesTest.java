package org.enms.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.enms.analytics.baseline.ModelType;
import org.enms.analytics.baseline.OperatingCalendar;
import org.enms.db.BaselineDao.BaselineRow;
import org.enms.db.BaselineDao.FeatureStats;
import org.enms.db.BaselineDao.Validity;
import org.junit.jupiter.api.Test;

class StoredBaselinesTest {

  @Test
  void aStoredTimeOfWeekModelKeepsItsTypeAndCalendar() {
    var model =
        StoredBaselines.model(
            row(
                "time_of_week",
                Map.of(
                    "calendar",
                    Map.of("shift_starts", List.of(7, 19), "holidays", List.of("2026-10-03")))));

    assertThat(model.type()).isEqualTo(ModelType.TOW);
    assertThat(model.calendar().shiftStarts()).containsExactly(7, 19);
    assertThat(model.calendar().holidays()).containsExactly(LocalDate.of(2026, 10, 3));
    assertThat(model.ranges().get("total_production_count").max()).isEqualTo(9.0);
  }

  @Test
  void aModelStoredBeforeTypesAndCalendarsIsARegressionWithTheDefaultCalendar() {
    var model = StoredBaselines.model(row(null, Map.of()));

    assertThat(model.type()).isEqualTo(ModelType.OLS);
    assertThat(model.calendar()).isEqualTo(OperatingCalendar.DEFAULT);
  }

  private static BaselineRow row(String modelType, Map<String, Object> metadata) {
    return new BaselineRow(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Compressor-1",
        "compressor",
        UUID.randomUUID(),
        "electricity",
        "baseline",
        modelType,
        1,
        Instant.parse("2026-10-01T00:00:00Z"),
        Instant.parse("2026-11-01T00:00:00Z"),
        744,
        Map.of("total_production_count", 0.5),
        12.0,
        0.9,
        null,
        1.0,
        0.8,
        null,
        null,
        1.1,
        Map.of(),
        Map.of("total_production_count", new FeatureStats(1, 9, 5, 2)),
        new Validity(true, List.of(), List.of()),
        true,
        "api",
        Instant.parse("2026-11-01T00:00:00Z"),
        metadata);
  }
}
