package org.enms.http.plant;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /stats/aggregated}: the original's fields (the voice client reads {@code
 * time_period.start/end}, {@code query}, {@code totals.total_energy_kwh/total_cost_usd
 * /total_carbon_kg_co2}, {@code machines_count}). Electricity only; machines by energy, largest
 * first; only machines with data are listed.
 *
 * @param query "All machines" or "N machines"
 * @param message set when no machine has data
 */
public record AggregatedStatsResponse(
    Window.TimePeriod timePeriod,
    String query,
    int machinesCount,
    String message,
    Totals totals,
    List<MachineRow> machines,
    Rankings rankings) {

  /**
   * @param totalCostUsd machines billed in USD
   * @param costsByCurrency every machine's cost per billing currency (added)
   * @param avgPowerKw the sum of the machines' mean power
   * @param peakPowerKw the highest single reading of any machine
   */
  public record Totals(
      double totalEnergyKwh,
      double totalCostUsd,
      Map<String, Double> costsByCurrency,
      double totalCarbonKgCo2,
      double avgPowerKw,
      double peakPowerKw,
      double costPerDay,
      double carbonPerDay) {}

  /**
   * @param costUsd the machine's cost in {@code currency} (the original had only USD)
   * @param currency the machine's billing currency (added)
   */
  public record MachineRow(
      UUID machineId,
      String machineName,
      String machineType,
      long readingCount,
      double totalEnergyKwh,
      double avgPowerKw,
      double peakPowerKw,
      double minPowerKw,
      double energyPercent,
      double costUsd,
      String currency,
      double carbonKgCo2) {}

  /** Machine names; null without machines. */
  public record Rankings(String highestEnergy, String highestPeakPower, String highestAvgPower) {}
}
