package org.enms.http.kpi;

import java.time.Instant;
import java.util.UUID;
import org.enms.analytics.kpi.MachineKpis;
import org.enms.http.support.JsonSupport;

/**
 * {@code GET /kpi/factory/{id}}: the original's fields. The factory is one meter: its energy is its
 * machines' together, its peak the highest 15-minute average of their summed power (not the highest
 * single reading of any machine), its average power the mean of that sum, its cost the machines'
 * priced energy plus each month's demand charge on that coincident peak. Figures without data are
 * 0, as in the original.
 *
 * @param timestamp when the answer was made
 */
public record FactoryKpisResponse(
    UUID factoryId,
    String factoryName,
    String factoryLocation,
    KpiPeriod timePeriod,
    EnergyMetrics energyMetrics,
    ProductionMetrics productionMetrics,
    MachineStatus machineStatus,
    Instant timestamp) {

  /**
   * @param totalCostUsd in {@code currency}, which is USD unless the factory's tariffs say
   *     otherwise (the field keeps the original's name)
   * @param currency added
   * @param demandCharge the demand-charge part of the cost (added)
   */
  public record EnergyMetrics(
      double totalEnergyKwh,
      double totalCostUsd,
      double totalCarbonKg,
      double avgPowerKw,
      double peakPowerKw,
      String currency,
      double demandCharge) {}

  public record ProductionMetrics(
      long totalUnits,
      long unitsGood,
      long unitsBad,
      double qualityPercent,
      double factorySecKwhPerUnit) {}

  public record MachineStatus(
      int totalMachines, int active, int idle, int stopped, int machinesWithData) {}

  static FactoryKpisResponse of(FactoryKpiReport r, Instant start, Instant end, Instant now) {
    MachineKpis k = r.kpis();
    long units = r.production().units();
    return new FactoryKpisResponse(
        r.factory().id(),
        r.factory().name(),
        r.factory().location(),
        KpiPeriod.of(start, end),
        new EnergyMetrics(
            round(k.totalEnergyKwh()),
            round(k.totalCost()),
            round(k.co2Kg()),
            k.avgPowerKw() == null ? 0 : round(k.avgPowerKw()),
            k.peakDemandKw() == null ? 0 : round(k.peakDemandKw()),
            r.currency(),
            round(k.demandCharge())),
        new ProductionMetrics(
            units,
            r.production().good(),
            r.production().bad(),
            units > 0 ? round(100.0 * r.production().good() / units) : 0,
            k.secKwhPerUnit() == null ? 0 : JsonSupport.round(k.secKwhPerUnit(), 6)),
        new MachineStatus(
            r.totalMachines(), r.active(), r.idle(), r.stopped(), r.machinesWithData()),
        now);
  }

  private static double round(double v) {
    return JsonSupport.round(v, 2);
  }
}
