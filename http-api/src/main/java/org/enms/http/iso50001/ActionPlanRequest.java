package org.enms.http.iso50001;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/** {@code POST /iso50001/action-plans}: the original's body (dates are days). */
public record ActionPlanRequest(
    String title,
    String objective,
    String description,
    Double targetSavingsKwh,
    String responsiblePerson,
    String responsibleDepartment,
    String startDate,
    String targetDate,
    UUID seuId,
    UUID factoryId,
    String priority,
    Double estimatedInvestmentUsd,
    String createdBy)
    implements Validated {
  static final Set<String> PRIORITIES = Set.of("low", "medium", "high", "critical");
  static final Set<String> STATUSES =
      Set.of("planned", "in_progress", "completed", "cancelled", "on_hold");

  public ActionPlanRequest {
    priority = priority == null ? "medium" : priority;
    createdBy = createdBy == null ? "api_user" : createdBy;
  }

  @Override
  public void validate(Violations v) {
    if (v.name("title", title) && title.length() > 255) {
      v.invalid("title", "at most 255 characters");
    }
    v.name("objective", objective);
    v.name("responsible_person", responsiblePerson);
    if (v.required("target_savings_kwh", targetSavingsKwh)
        && !(Double.isFinite(targetSavingsKwh) && targetSavingsKwh > 0)) {
      v.invalid("target_savings_kwh", "must be above 0");
    }
    boolean target = SeuBaselineRequest.day(v, "target_date", targetDate);
    boolean start = startDate == null || SeuBaselineRequest.day(v, "start_date", startDate);
    if (target && start && startDate != null && targetDay().isBefore(startDay())) {
      v.invalid("target_date", "target_date must not be before start_date");
    }
    if (!PRIORITIES.contains(priority)) {
      v.invalid("priority", "must be one of low, medium, high, critical");
    }
    v.atLeast("estimated_investment_usd", estimatedInvestmentUsd, 0);
  }

  LocalDate targetDay() {
    return SeuBaselineRequest.parse(targetDate);
  }

  LocalDate startDay() {
    return startDate == null ? null : SeuBaselineRequest.parse(startDate);
  }
}
