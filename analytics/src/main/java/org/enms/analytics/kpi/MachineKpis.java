package org.enms.analytics.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The KPIs of one meter (a machine's energy source, or a factory's machines together) over a
 * period, from its priced 15-minute intervals summed per billing month.
 *
 * <ul>
 *   <li>SEC: energy per unit produced; null without production.
 *   <li>Peak demand: the highest 15-minute average power (the original took the highest single
 *       reading).
 *   <li>Average power: the mean of the 15-minute averages, over the intervals with readings.
 *   <li>Load factor: average power over peak demand; null when the peak is 0.
 *   <li>Energy cost: each interval's energy at the price fixed when it was rolled up, plus per
 *       billing month its peak demand at the demand charge in force at the peak.
 *   <li>CO₂: each interval's energy at the emission factor fixed when it was rolled up.
 * </ul>
 *
 * @param hours length of the period asked for, h
 * @param avgPowerKw null without intervals
 * @param peakDemandKw null without intervals
 * @param peakAt start of the interval of the peak, or null
 * @param energyCharge the energy part of {@code totalCost}
 * @param demandCharge the demand-charge part of {@code totalCost}
 */
public record MachineKpis(
    double hours,
    double totalEnergyKwh,
    long intervals,
    Double avgPowerKw,
    Double peakDemandKw,
    Instant peakAt,
    double productionUnits,
    Double secKwhPerUnit,
    Double loadFactor,
    double energyCharge,
    double demandCharge,
    double totalCost,
    Double costPerUnit,
    double co2Kg,
    Double co2PerUnitKg) {

  public static MachineKpis compute(
      List<MonthTotals> months, double productionUnits, Duration period) {
    double energy = 0;
    double energyCharge = 0;
    double demandCharge = 0;
    double co2 = 0;
    long intervals = 0;
    double demandSum = 0;
    MonthTotals peak = null;
    for (MonthTotals m : months) {
      energy += m.energyKwh();
      energyCharge += m.energyCost();
      demandCharge += m.demandCharge();
      co2 += m.co2Kg();
      intervals += m.intervals();
      demandSum += m.demandKwSum();
      if (m.intervals() > 0
          && (peak == null
              || m.peakDemandKw() > peak.peakDemandKw()
              || (m.peakDemandKw() == peak.peakDemandKw() && m.peakAt().isBefore(peak.peakAt())))) {
        peak = m;
      }
    }
    Double avg = intervals == 0 ? null : demandSum / intervals;
    Double peakKw = peak == null ? null : peak.peakDemandKw();
    double total = energyCharge + demandCharge;
    return new MachineKpis(
        period.toMillis() / 3_600_000.0,
        energy,
        intervals,
        avg,
        peakKw,
        peak == null ? null : peak.peakAt(),
        productionUnits,
        perUnit(energy, productionUnits),
        peakKw == null || peakKw <= 0 ? null : avg / peakKw,
        energyCharge,
        demandCharge,
        total,
        perUnit(total, productionUnits),
        co2,
        perUnit(co2, productionUnits));
  }

  /** Load factor in percent, or null. */
  public Double loadFactorPercent() {
    return loadFactor == null ? null : loadFactor * 100;
  }

  /** CO₂ per kWh over the period, kg; null without energy. */
  public Double emissionFactor() {
    return totalEnergyKwh > 0 ? co2Kg / totalEnergyKwh : null;
  }

  private static Double perUnit(double value, double units) {
    return units > 0 ? value / units : null;
  }
}
