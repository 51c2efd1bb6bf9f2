package org.enms.http.kpi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.enms.http.support.JsonSupport;

/**
 * {@code GET /kpi/factories}: every factory with active machines, enterprise totals and a ranking
 * by energy, in the original's fields.
 *
 * @param timestamp when the answer was made
 */
public record FactoriesKpisResponse(
    KpiPeriod timePeriod,
    EnterpriseTotals enterpriseTotals,
    int factoryCount,
    List<FactoryKpisResponse> factories,
    Rankings rankings,
    Instant timestamp) {

  /**
   * @param totalCostUsd the costs of the factories billed in USD; factories billed in another
   *     currency are in {@code costsByCurrency} only (no exchange rates are kept)
   * @param costsByCurrency every factory's cost, summed per currency (added)
   */
  public record EnterpriseTotals(
      double totalEnergyKwh,
      double totalCostUsd,
      double totalCarbonKg,
      int totalMachines,
      long totalProductionUnits,
      double enterpriseSecKwhPerUnit,
      Map<String, Double> costsByCurrency) {}

  public record Rankings(List<Ranked> byEnergy) {}

  public record Ranked(
      int rank, String factoryName, UUID factoryId, double energyKwh, double percentage) {}

  static FactoriesKpisResponse of(
      List<FactoryKpisResponse> factories, Instant start, Instant end, Instant now) {
    double energy = 0;
    double carbon = 0;
    int machines = 0;
    long units = 0;
    Map<String, Double> costs = new TreeMap<>();
    for (FactoryKpisResponse f : factories) {
      energy += f.energyMetrics().totalEnergyKwh();
      carbon += f.energyMetrics().totalCarbonKg();
      machines += f.machineStatus().totalMachines();
      units += f.productionMetrics().totalUnits();
      costs.merge(f.energyMetrics().currency(), f.energyMetrics().totalCostUsd(), Double::sum);
    }
    costs.replaceAll((currency, total) -> JsonSupport.round(total, 2));
    List<FactoryKpisResponse> ranked = new ArrayList<>(factories);
    ranked.sort(
        Comparator.comparingDouble((FactoryKpisResponse f) -> f.energyMetrics().totalEnergyKwh())
            .reversed());
    List<Ranked> byEnergy = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      FactoryKpisResponse f = ranked.get(i);
      double kwh = f.energyMetrics().totalEnergyKwh();
      byEnergy.add(
          new Ranked(
              i + 1,
              f.factoryName(),
              f.factoryId(),
              kwh,
              energy > 0 ? JsonSupport.round(kwh / energy * 100, 1) : 0));
    }
    return new FactoriesKpisResponse(
        KpiPeriod.of(start, end),
        new EnterpriseTotals(
            JsonSupport.round(energy, 2),
            costs.getOrDefault("USD", 0.0),
            JsonSupport.round(carbon, 2),
            machines,
            units,
            units > 0 ? JsonSupport.round(energy / units, 6) : 0,
            costs),
        factories.size(),
        factories,
        new Rankings(byEnergy),
        now);
  }
}
