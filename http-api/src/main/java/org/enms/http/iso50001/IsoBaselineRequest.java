package org.enms.http.iso50001;

import java.util.UUID;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/**
 * {@code POST /iso50001/baseline}: the original tracker's body. Trains the SEU's baseline on the
 * period with the default relevant variables (one canonical baseline, not a second SEC model).
 */
public record IsoBaselineRequest(
    UUID seuId,
    Integer baselineYear,
    String baselineStartDate,
    String baselineEndDate,
    String createdBy)
    implements Validated {

  @Override
  public void validate(Violations v) {
    v.required("seu_id", seuId);
    if (v.required("baseline_year", baselineYear)) {
      v.between("baseline_year", baselineYear, 2000, 2100);
    }
    boolean dates =
        SeuBaselineRequest.day(v, "baseline_start_date", baselineStartDate)
            & SeuBaselineRequest.day(v, "baseline_end_date", baselineEndDate);
    if (dates
        && !SeuBaselineRequest.parse(baselineStartDate)
            .isBefore(SeuBaselineRequest.parse(baselineEndDate))) {
      v.invalid("baseline_end_date", "baseline_end_date must be after baseline_start_date");
    }
  }

  SeuBaselineRequest asTraining() {
    return new SeuBaselineRequest(
        seuId, baselineYear, baselineStartDate, baselineEndDate, java.util.List.of());
  }
}
