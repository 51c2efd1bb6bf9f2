package org.enms.http.iso50001;

import java.time.LocalDate;
import java.util.UUID;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/**
 * {@code POST /iso50001/target}: the original's body. {@code seu_id} for an SEU target, {@code
 * factory_id} for a factory's (its SEUs with a baseline).
 */
public record TargetRequest(
    String targetType,
    UUID seuId,
    UUID factoryId,
    Integer targetYear,
    String targetDescription,
    Integer baselineYear,
    Double targetReductionPercent,
    String deadline,
    String createdBy)
    implements Validated {

  @Override
  public void validate(Violations v) {
    if (v.required("target_type", targetType)) {
      if ("seu".equals(targetType)) {
        v.required("seu_id", seuId);
        if (factoryId != null) {
          v.invalid("factory_id", "an SEU target names no factory");
        }
      } else if ("factory".equals(targetType)) {
        v.required("factory_id", factoryId);
        if (seuId != null) {
          v.invalid("seu_id", "a factory target names no SEU");
        }
      } else {
        v.invalid("target_type", "must be seu or factory");
      }
    }
    if (v.required("target_year", targetYear)) {
      v.between("target_year", targetYear, 2000, 2100);
    }
    if (v.required("baseline_year", baselineYear)) {
      v.between("baseline_year", baselineYear, 2000, 2100);
    }
    if (v.required("target_reduction_percent", targetReductionPercent)
        && !(targetReductionPercent > 0 && targetReductionPercent <= 100)) {
      v.invalid("target_reduction_percent", "must be above 0 and at most 100");
    }
    if (deadline != null) {
      SeuBaselineRequest.day(v, "deadline", deadline);
    }
  }

  LocalDate deadlineDay() {
    return deadline == null ? null : SeuBaselineRequest.parse(deadline);
  }
}
