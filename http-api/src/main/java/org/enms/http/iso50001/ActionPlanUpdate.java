package org.enms.http.iso50001;

import java.util.UUID;
import java.util.stream.Stream;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/**
 * {@code PUT /iso50001/action-plans/{id}} and {@code …/progress}: the fields to change; absent
 * fields stay as they are. {@code progress_percent} is clamped to 0–100 as in the original.
 */
public record ActionPlanUpdate(
    String title,
    String objective,
    String description,
    Double targetSavingsKwh,
    String responsiblePerson,
    String responsibleDepartment,
    String startDate,
    String targetDate,
    UUID seuId,
    String priority,
    Double estimatedInvestmentUsd,
    String status,
    Double progressPercent,
    Double actualSavingsKwh,
    Double actualInvestmentUsd,
    String completionNotes)
    implements Validated {

  @Override
  public void validate(Violations v) {
    if (v.notBlank("title", title) && title != null && title.length() > 255) {
      v.invalid("title", "at most 255 characters");
    }
    v.notBlank("objective", objective);
    v.notBlank("responsible_person", responsiblePerson);
    if (targetSavingsKwh != null && !(Double.isFinite(targetSavingsKwh) && targetSavingsKwh > 0)) {
      v.invalid("target_savings_kwh", "must be above 0");
    }
    if (startDate != null) {
      SeuBaselineRequest.day(v, "start_date", startDate);
    }
    if (targetDate != null) {
      SeuBaselineRequest.day(v, "target_date", targetDate);
    }
    if (priority != null && !ActionPlanRequest.PRIORITIES.contains(priority)) {
      v.invalid("priority", "must be one of low, medium, high, critical");
    }
    if (status != null && !ActionPlanRequest.STATUSES.contains(status)) {
      v.invalid("status", "must be one of planned, in_progress, completed, cancelled, on_hold");
    }
    if (progressPercent != null && !Double.isFinite(progressPercent)) {
      v.invalid("progress_percent", "must be a number");
    }
    v.atLeast("actual_savings_kwh", actualSavingsKwh, 0);
    v.atLeast("actual_investment_usd", actualInvestmentUsd, 0);
    v.atLeast("estimated_investment_usd", estimatedInvestmentUsd, 0);
  }

  boolean isEmpty() {
    return Stream.of(
            title,
            objective,
            description,
            targetSavingsKwh,
            responsiblePerson,
            responsibleDepartment,
            startDate,
            targetDate,
            seuId,
            priority,
            estimatedInvestmentUsd,
            status,
            progressPercent,
            actualSavingsKwh,
            actualInvestmentUsd,
            completionNotes)
        .allMatch(java.util.Objects::isNull);
  }
}
