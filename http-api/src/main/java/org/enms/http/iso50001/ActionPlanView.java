package org.enms.http.iso50001;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.enms.db.iso50001.ActionPlanDao;

/**
 * An action plan with the original's list fields (a superset of its create answer), plus its SEU
 * and factory ids.
 *
 * @param targetSavingsUsd target kWh at the SEU's recent tariff price (else its energy source's
 *     price); field name kept, the tariff's currency
 */
public record ActionPlanView(
    UUID id,
    String title,
    String objective,
    String description,
    UUID seuId,
    String seuName,
    UUID factoryId,
    double targetSavingsKwh,
    Double targetSavingsUsd,
    Double actualSavingsKwh,
    Double actualSavingsUsd,
    String status,
    String priority,
    double progressPercent,
    String responsiblePerson,
    String responsibleDepartment,
    LocalDate startDate,
    LocalDate targetDate,
    LocalDate completionDate,
    Double estimatedInvestmentUsd,
    Double actualInvestmentUsd,
    Double paybackPeriodMonths,
    String completionNotes,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  static ActionPlanView of(ActionPlanDao.Row p) {
    return new ActionPlanView(
        p.id(),
        p.title(),
        p.objective(),
        p.description(),
        p.seuId(),
        p.seuName(),
        p.factoryId(),
        p.targetSavingsKwh(),
        p.targetSavingsUsd(),
        p.actualSavingsKwh(),
        p.actualSavingsUsd(),
        p.status(),
        p.priority(),
        p.progressPercent(),
        p.responsiblePerson(),
        p.responsibleDepartment(),
        p.startDate(),
        p.targetDate(),
        p.completionDate(),
        p.estimatedInvestmentUsd(),
        p.actualInvestmentUsd(),
        p.paybackPeriodMonths(),
        p.completionNotes(),
        p.createdBy(),
        p.createdAt(),
        p.updatedAt());
  }

  /** {@code GET /iso50001/action-plans}. */
  public record PlanList(int totalPlans, List<ActionPlanView> actionPlans) {}

  /** {@code PUT …/progress}: the original's answer. */
  public record Progress(
      UUID id,
      String title,
      String status,
      double progressPercent,
      Double actualSavingsKwh,
      Double actualSavingsUsd,
      Double paybackPeriodMonths,
      LocalDate completionDate,
      Instant updatedAt) {
    static Progress of(ActionPlanDao.Row p) {
      return new Progress(
          p.id(),
          p.title(),
          p.status(),
          p.progressPercent(),
          p.actualSavingsKwh(),
          p.actualSavingsUsd(),
          p.paybackPeriodMonths(),
          p.completionDate(),
          p.updatedAt());
    }
  }
}
