package org.enms.http.iso50001;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.db.BlockingIo;
import org.enms.db.iso50001.ActionPlanDao;
import org.enms.db.registry.SeuRecord;
import org.enms.http.error.ApiException;

/**
 * The action plan register. The original's trigger rules are applied here: a plan that becomes
 * {@code completed} gets today as completion date (unless given) and 100 % progress, one that
 * leaves it loses the date; savings in money are kWh at the SEU's price; payback is investment /
 * yearly savings · 12 months, actual figures preferred over estimates.
 */
final class ActionPlans {
  private final SeuPeriods periods;
  private final ActionPlanDao plans;
  private final BlockingIo io;

  ActionPlans(SeuPeriods periods, ActionPlanDao plans, BlockingIo io) {
    this.periods = periods;
    this.plans = plans;
    this.io = io;
  }

  CompletionStage<ActionPlanView> create(ActionPlanRequest r) {
    return io.call(
        () -> {
          Optional<SeuRecord> seu = seu(r.seuId());
          if (r.factoryId() != null && !periods.data().factoryExists(r.factoryId())) {
            throw ApiException.badRequest("Unknown factory_id " + r.factoryId());
          }
          Double usd = priced(seu, r.targetSavingsKwh());
          var row =
              new ActionPlanDao.Row(
                  null,
                  r.seuId(),
                  null,
                  r.factoryId(),
                  r.title(),
                  r.objective(),
                  r.description(),
                  r.targetSavingsKwh(),
                  usd,
                  null,
                  null,
                  "planned",
                  r.priority(),
                  r.responsiblePerson(),
                  r.responsibleDepartment(),
                  r.startDay(),
                  r.targetDay(),
                  null,
                  0,
                  null,
                  r.estimatedInvestmentUsd(),
                  null,
                  payback(r.estimatedInvestmentUsd(), usd),
                  r.createdBy(),
                  null,
                  null);
          return ActionPlanView.of(plans.insert(row));
        });
  }

  CompletionStage<ActionPlanView.PlanList> list(
      UUID factoryId, UUID seuId, String status, String priority) {
    return io.call(
        () -> {
          var all =
              plans.list(factoryId, seuId, status, priority).stream()
                  .map(ActionPlanView::of)
                  .toList();
          return new ActionPlanView.PlanList(all.size(), all);
        });
  }

  CompletionStage<ActionPlanView> get(UUID id) {
    return io.call(() -> ActionPlanView.of(plans.byId(id).orElseThrow(ActionPlans::notFound)));
  }

  CompletionStage<ActionPlanDao.Row> update(UUID id, ActionPlanUpdate u) {
    if (u.isEmpty()) {
      throw ApiException.badRequest("No updates provided");
    }
    return io.call(
        () -> {
          Optional<SeuRecord> newSeu = u.seuId() == null ? Optional.empty() : seu(u.seuId());
          LocalDate today = periods.today();
          return plans
              .update(id, p -> apply(p, u, newSeu, today))
              .orElseThrow(ActionPlans::notFound);
        });
  }

  CompletionStage<Void> delete(UUID id) {
    return io.call(
        () -> {
          if (!plans.delete(id)) {
            throw notFound();
          }
          return null;
        });
  }

  private ActionPlanDao.Row apply(
      ActionPlanDao.Row p, ActionPlanUpdate u, Optional<SeuRecord> newSeu, LocalDate today) {
    UUID seuId = u.seuId() != null ? u.seuId() : p.seuId();
    Optional<SeuRecord> seu = u.seuId() != null ? newSeu : seu(p.seuId());
    double targetKwh = or(u.targetSavingsKwh(), p.targetSavingsKwh());
    Double actualKwh = or(u.actualSavingsKwh(), p.actualSavingsKwh());
    String status = or(u.status(), p.status());
    double progress =
        u.progressPercent() == null
            ? p.progressPercent()
            : Math.max(0, Math.min(100, u.progressPercent()));
    LocalDate completion = null;
    if ("completed".equals(status)) {
      completion = p.completionDate() != null ? p.completionDate() : today;
      progress = 100;
    }
    LocalDate start =
        u.startDate() != null ? SeuBaselineRequest.parse(u.startDate()) : p.startDate();
    LocalDate target =
        u.targetDate() != null ? SeuBaselineRequest.parse(u.targetDate()) : p.targetDate();
    if (start != null && target.isBefore(start)) {
      throw ApiException.badRequest("target_date must not be before start_date");
    }
    Double targetUsd =
        u.targetSavingsKwh() != null || u.seuId() != null
            ? priced(seu, targetKwh)
            : p.targetSavingsUsd();
    Double actualUsd = u.actualSavingsKwh() != null ? priced(seu, actualKwh) : p.actualSavingsUsd();
    Double estimated = or(u.estimatedInvestmentUsd(), p.estimatedInvestmentUsd());
    Double actualInvestment = or(u.actualInvestmentUsd(), p.actualInvestmentUsd());
    Double payback =
        payback(
            actualInvestment != null ? actualInvestment : estimated,
            actualUsd != null ? actualUsd : targetUsd);
    return new ActionPlanDao.Row(
        p.id(),
        seuId,
        p.seuName(),
        p.factoryId(),
        or(u.title(), p.title()),
        or(u.objective(), p.objective()),
        or(u.description(), p.description()),
        targetKwh,
        targetUsd,
        actualKwh,
        actualUsd,
        status,
        or(u.priority(), p.priority()),
        or(u.responsiblePerson(), p.responsiblePerson()),
        or(u.responsibleDepartment(), p.responsibleDepartment()),
        start,
        target,
        completion,
        progress,
        or(u.completionNotes(), p.completionNotes()),
        estimated,
        actualInvestment,
        payback,
        p.createdBy(),
        p.createdAt(),
        p.updatedAt());
  }

  /** Months to pay back {@code investment} from yearly {@code savingsPerYear}; null if none. */
  static Double payback(Double investment, Double savingsPerYear) {
    if (investment == null || savingsPerYear == null || savingsPerYear <= 0) {
      return null;
    }
    return Figures.round(investment / savingsPerYear * 12, 1);
  }

  private Double priced(Optional<SeuRecord> seu, Double kwh) {
    if (kwh == null || seu.isEmpty()) {
      return null;
    }
    LocalDate today = periods.today();
    return periods
        .price(seu.get(), today.minusDays(365), today)
        .map(p -> Figures.round(p.of(kwh), 2))
        .orElse(null);
  }

  private Optional<SeuRecord> seu(UUID id) {
    if (id == null) {
      return Optional.empty();
    }
    return Optional.of(
        periods.seuIfAny(id).orElseThrow(() -> ApiException.badRequest("Unknown seu_id " + id)));
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  private static ApiException notFound() {
    return ApiException.notFound("Action plan not found");
  }
}
