package org.enms.http.iso50001;

import java.util.Set;
import java.util.UUID;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/** {@code POST /iso50001/performance}: the original tracker's body; dates are days. */
public record IsoPerformanceRequest(
    UUID seuId, String periodStart, String periodEnd, String periodType) implements Validated {
  private static final Set<String> TYPES = Set.of("monthly", "quarterly", "annual");

  public IsoPerformanceRequest {
    periodType = periodType == null ? "monthly" : periodType;
  }

  @Override
  public void validate(Violations v) {
    v.required("seu_id", seuId);
    boolean dates =
        SeuBaselineRequest.day(v, "period_start", periodStart)
            & SeuBaselineRequest.day(v, "period_end", periodEnd);
    if (dates
        && SeuBaselineRequest.parse(periodEnd).isBefore(SeuBaselineRequest.parse(periodStart))) {
      v.invalid("period_end", "period_end must not be before period_start");
    }
    if (!TYPES.contains(periodType)) {
      v.invalid("period_type", "must be one of monthly, quarterly, annual");
    }
  }
}
