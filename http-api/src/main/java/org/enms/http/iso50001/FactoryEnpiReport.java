package org.enms.http.iso50001;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /iso50001/enpi-report}: the original's factory EnPI report, computed when asked and
 * stored nowhere (the original inserted rows on every GET).
 *
 * @param baselineYear the year asked for; else the active baselines' year when they share one
 * @param seusAnalyzed SEUs with a baseline; {@code seus_without_baseline} names the others
 */
public record FactoryEnpiReport(
    UUID factoryId,
    String reportPeriod,
    LocalDate periodStart,
    LocalDate periodEnd,
    Integer baselineYear,
    int seusAnalyzed,
    Overall overallPerformance,
    List<SeuLine> seuBreakdown,
    ActionPlanCounts actionPlansStatus,
    List<String> seusWithoutBaseline,
    Instant generatedAt) {

  /**
   * The SEUs measured in kWh, summed.
   *
   * @param cumulativeSavingsUsd the savings priced per SEU (field name kept; the tariff's currency)
   */
  public record Overall(
      Double totalEnergyBaselineKwh,
      Double totalEnergyActualKwh,
      Double deviationKwh,
      Double deviationPercent,
      Double cumulativeSavingsKwh,
      Double cumulativeSavingsUsd,
      String isoStatus) {}

  /** One SEU; {@code baseline_energy_kwh} is what its baseline expects for the period. */
  public record SeuLine(
      String seuName,
      String energySource,
      String energyUnit,
      Double baselineEnergyKwh,
      Double actualEnergyKwh,
      Double deviationKwh,
      Double deviationPercent,
      Double savingsKwh,
      Double enpi,
      String isoStatus) {}

  /** The factory's action plans by status. */
  public record ActionPlanCounts(
      int totalPlans, int completed, int inProgress, int planned, int cancelled, int onHold) {}
}
