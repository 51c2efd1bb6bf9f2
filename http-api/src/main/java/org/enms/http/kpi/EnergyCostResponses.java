package org.enms.http.kpi;

import java.util.UUID;
import org.enms.analytics.kpi.CostScenarios;
import org.enms.http.support.JsonSupport;

/**
 * {@code GET /kpi/energy-cost}: the original's three scenario bodies, one per {@code tariff}, with
 * its fields. Money and energy to 2 decimals, shares to 1.
 */
final class EnergyCostResponses {
  private EnergyCostResponses() {}

  record Standard(
      String tariffType,
      UUID machineId,
      KpiPeriod timePeriod,
      double energyKwh,
      double rateUsdPerKwh,
      double totalCostUsd,
      StandardBreakdown costBreakdown) {
    static Standard of(UUID machine, KpiPeriod period, CostScenarios.Standard s) {
      return new Standard(
          "standard",
          machine,
          period,
          r(s.energyKwh()),
          s.ratePerKwh(),
          r(s.cost()),
          new StandardBreakdown(r(s.cost())));
    }
  }

  record StandardBreakdown(double energyCharge) {}

  record TimeOfUse(
      String tariffType,
      UUID machineId,
      KpiPeriod timePeriod,
      String peakHours,
      double energyKwh,
      double totalCostUsd,
      TouBreakdown costBreakdown,
      TouComparison comparisonToStandard) {
    static TimeOfUse of(
        UUID machine, KpiPeriod period, int peakStart, int peakEnd, CostScenarios.TimeOfUse t) {
      return new TimeOfUse(
          "time_of_use",
          machine,
          period,
          String.format("%02d:00-%02d:00", peakStart, peakEnd),
          r(t.energyKwh()),
          r(t.cost()),
          new TouBreakdown(
              new Band(
                  r(t.peakKwh()),
                  t.peakRate(),
                  r(t.peakCost()),
                  JsonSupport.round(t.peakPercent(), 1)),
              new Band(
                  r(t.offpeakKwh()),
                  t.offpeakRate(),
                  r(t.offpeakCost()),
                  JsonSupport.round(t.offpeakPercent(), 1))),
          new TouComparison(
              CostScenarios.STANDARD_RATE,
              r(t.standardCost()),
              r(t.cost()),
              r(t.savings()),
              JsonSupport.round(t.savingsPercent(), 1)));
    }
  }

  record TouBreakdown(Band peakHours, Band offpeakHours) {}

  record Band(double energyKwh, double rateUsdPerKwh, double costUsd, double percentage) {}

  record TouComparison(
      double standardFlatRate,
      double standardCostUsd,
      double touCostUsd,
      double savingsUsd,
      double savingsPercent) {}

  /**
   * @param peakDemandKw the highest 15-minute average power (the original: the highest reading)
   */
  record DemandCharge(
      String tariffType,
      UUID machineId,
      KpiPeriod timePeriod,
      double energyKwh,
      double peakDemandKw,
      double totalCostUsd,
      DemandBreakdown costBreakdown,
      DemandComparison comparisonToStandard) {
    static DemandCharge of(UUID machine, KpiPeriod period, CostScenarios.DemandCharge d) {
      return new DemandCharge(
          "demand_charge",
          machine,
          period,
          r(d.energyKwh()),
          r(d.peakDemandKw()),
          r(d.cost()),
          new DemandBreakdown(
              new EnergyCharge(r(d.energyKwh()), d.energyRate(), r(d.energyCharge())),
              new DemandPart(r(d.peakDemandKw()), d.demandRatePerKw(), r(d.demandCost()))),
          new DemandComparison(
              r(d.standardCost()),
              r(d.cost()),
              r(d.difference()),
              "Positive difference means demand charge billing is more expensive"));
    }
  }

  record DemandBreakdown(EnergyCharge energyCharge, DemandPart demandCharge) {}

  record EnergyCharge(double energyKwh, double rateUsdPerKwh, double costUsd) {}

  record DemandPart(double peakDemandKw, double rateUsdPerKw, double costUsd) {}

  record DemandComparison(
      double standardCostUsd, double demandChargeCostUsd, double differenceUsd, String note) {}

  private static double r(double v) {
    return JsonSupport.round(v, 2);
  }
}
