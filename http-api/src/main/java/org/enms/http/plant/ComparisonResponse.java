package org.enms.http.plant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /comparison/machines}: the original's fields, each machine's figures from the KPI
 * service (as {@code /kpi/all} gives them). Ranks: 1 is the least energy, SEC or cost.
 */
public record ComparisonResponse(
    List<Machine> machines,
    Instant startDate,
    Instant endDate,
    String bestPerformer,
    String worstPerformer,
    List<String> insights) {

  /**
   * @param peakPowerKw the highest 15-minute average demand
   * @param sec kWh per unit; null without production
   * @param loadFactor average over peak demand, % (as {@code /kpi/all}'s {@code percent})
   * @param ratedUtilizationPercent average power over rated power, % (the original's {@code
   *     load_factor}; added)
   * @param operatingHours hours of 15-minute intervals above 0.5 kW (the original counted the whole
   *     period)
   * @param uptimePercent operating hours over the period's hours
   * @param energyCost the tariffs' cost, or energy × {@code energy_cost_per_kwh} when that is given
   * @param currency the cost's currency (added)
   */
  public record Machine(
      UUID machineId,
      String machineName,
      String machineType,
      double totalEnergyKwh,
      Double avgPowerKw,
      Double peakPowerKw,
      Double sec,
      Double loadFactor,
      Double ratedUtilizationPercent,
      double operatingHours,
      long totalProduction,
      double uptimePercent,
      double energyCost,
      String currency,
      Double costPerUnit,
      int rankEnergy,
      int rankSec,
      int rankCost,
      int rankOverall) {}
}
