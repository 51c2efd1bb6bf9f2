package org.enms.http.kpi;

import java.time.Instant;
import java.util.UUID;
import org.enms.analytics.kpi.MachineKpis;
import org.enms.http.support.JsonSupport;

/**
 * {@code GET /kpi/all}: the original's fields, which the voice client reads ({@code
 * kpis.sec.value}, {@code kpis.peak_demand.value}, {@code kpis.load_factor.percent}, {@code
 * kpis.energy_cost.value}, {@code kpis.carbon_intensity.value}). A figure that cannot be computed
 * (no intervals, no production) is null; the original also turned a real 0 into null.
 *
 * @param energyType the energy source the KPIs are of (added)
 */
public record AllKpisResponse(
    UUID machineId,
    String machineName,
    String machineType,
    String energyType,
    TimePeriod timePeriod,
    KpiSet kpis,
    Totals totals) {

  public record TimePeriod(Instant start, Instant end, double hours) {}

  public record KpiSet(
      Sec sec,
      PeakDemand peakDemand,
      LoadFactor loadFactor,
      EnergyCost energyCost,
      CarbonIntensity carbonIntensity) {}

  public record Sec(Double value, String unit, String description) {}

  /**
   * @param time start of the 15-minute interval of the peak (added)
   */
  public record PeakDemand(Double value, String unit, String description, Instant time) {}

  public record LoadFactor(Double value, Double percent, String unit, String description) {}

  /**
   * @param unit the currency
   * @param energyCharge the energy part of {@code value} (added)
   * @param demandCharge the demand-charge part of {@code value} (added)
   */
  public record EnergyCost(
      Double value,
      Double costPerUnit,
      String unit,
      String description,
      Double energyCharge,
      Double demandCharge) {}

  public record CarbonIntensity(Double value, Double co2PerUnit, String unit, String description) {}

  public record Totals(double totalEnergyKwh, double avgPowerKw, long totalProductionUnits) {}

  static AllKpisResponse of(MachineKpiReport r, String energyType, Instant start, Instant end) {
    MachineKpis k = r.kpis();
    boolean data = k.intervals() > 0;
    return new AllKpisResponse(
        r.machine().id(),
        r.machine().name(),
        r.machine().type(),
        energyType,
        new TimePeriod(start, end, JsonSupport.round(k.hours(), 2)),
        new KpiSet(
            new Sec(round(k.secKwhPerUnit(), 4), "kWh/unit", "Specific Energy Consumption"),
            new PeakDemand(
                round(k.peakDemandKw(), 3), "kW", "Highest 15-minute average demand", k.peakAt()),
            new LoadFactor(
                round(k.loadFactor(), 4),
                round(k.loadFactorPercent(), 2),
                "ratio",
                "Average/Peak Demand Ratio"),
            new EnergyCost(
                data ? round(k.totalCost(), 2) : null,
                round(k.costPerUnit(), 4),
                r.currency(),
                "Total Energy Cost (tariffs in force per interval, with demand charges)",
                data ? round(k.energyCharge(), 2) : null,
                data ? round(k.demandCharge(), 2) : null),
            new CarbonIntensity(
                data ? round(k.co2Kg(), 3) : null,
                round(k.co2PerUnitKg(), 6),
                "kg CO2",
                "Total Carbon Emissions")),
        new Totals(
            JsonSupport.round(k.totalEnergyKwh(), 3),
            k.avgPowerKw() == null ? 0 : JsonSupport.round(k.avgPowerKw(), 3),
            Math.round(k.productionUnits())));
  }

  static Double round(Double value, int decimals) {
    return value == null ? null : JsonSupport.round(value, decimals);
  }
}
