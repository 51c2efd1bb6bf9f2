package org.enms.http.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /kpi/history}: a machine's daily KPI snapshots (the scheduler's {@code kpi_calculate}
 * job), one per UTC day that has one. Figures are unrounded, as stored.
 */
public record KpiHistoryResponse(
    UUID machineId, String energyType, LocalDate startDay, LocalDate endDay, List<Day> days) {

  /**
   * @param loadFactor ratio (not percent)
   * @param computedAt when the job computed the day
   */
  public record Day(
      LocalDate day,
      double totalEnergyKwh,
      Double avgPowerKw,
      Double peakDemandKw,
      Instant peakDemandTime,
      Double loadFactor,
      long totalProductionUnits,
      Double secKwhPerUnit,
      double energyCharge,
      double demandCharge,
      double totalCost,
      String currency,
      double totalCo2Kg,
      long intervals,
      Instant computedAt) {}
}
