package org.enms.http.kpi;

import java.time.Instant;
import java.util.UUID;
import org.enms.analytics.kpi.MachineKpis;

/**
 * The original's one-KPI endpoints, {@code /kpi/sec}, {@code /kpi/peak-demand}, {@code
 * /kpi/load-factor} and {@code /kpi/carbon}: the row of its SQL function plus the machine's name
 * and type.
 */
final class SingleKpiResponses {
  private SingleKpiResponses() {}

  record Sec(
      UUID machineId,
      Double secKwhPerUnit,
      double totalEnergyKwh,
      long totalProductionUnits,
      double timePeriodHours,
      String machineName,
      String machineType) {
    static Sec of(MachineKpiReport r) {
      MachineKpis k = r.kpis();
      return new Sec(
          r.machine().id(),
          AllKpisResponse.round(k.secKwhPerUnit(), 4),
          AllKpisResponse.round(k.totalEnergyKwh(), 3),
          Math.round(k.productionUnits()),
          AllKpisResponse.round(k.hours(), 2),
          r.machine().name(),
          r.machine().type());
    }
  }

  /**
   * @param peakDemandKw the highest 15-minute average power (the original: the highest reading)
   */
  record PeakDemand(
      UUID machineId,
      Double peakDemandKw,
      Instant peakTime,
      Double avgPowerKw,
      String machineName,
      String machineType) {
    static PeakDemand of(MachineKpiReport r) {
      MachineKpis k = r.kpis();
      return new PeakDemand(
          r.machine().id(),
          AllKpisResponse.round(k.peakDemandKw(), 3),
          k.peakAt(),
          AllKpisResponse.round(k.avgPowerKw(), 3),
          r.machine().name(),
          r.machine().type());
    }
  }

  /**
   * @param maxPowerKw the peak demand the load factor divides by
   */
  record LoadFactor(
      UUID machineId,
      Double loadFactor,
      Double loadFactorPercent,
      Double avgPowerKw,
      Double maxPowerKw,
      String machineName,
      String machineType) {
    static LoadFactor of(MachineKpiReport r) {
      MachineKpis k = r.kpis();
      return new LoadFactor(
          r.machine().id(),
          AllKpisResponse.round(k.loadFactor(), 4),
          AllKpisResponse.round(k.loadFactorPercent(), 2),
          AllKpisResponse.round(k.avgPowerKw(), 3),
          AllKpisResponse.round(k.peakDemandKw(), 3),
          r.machine().name(),
          r.machine().type());
    }
  }

  /**
   * @param emissionFactor kg CO₂ per kWh over the period (the factors fixed per interval, averaged)
   */
  record Carbon(
      UUID machineId,
      Double totalCo2Kg,
      double totalEnergyKwh,
      Double emissionFactor,
      Double co2PerUnitKg,
      String machineName,
      String machineType) {
    static Carbon of(MachineKpiReport r) {
      MachineKpis k = r.kpis();
      return new Carbon(
          r.machine().id(),
          k.intervals() > 0 ? AllKpisResponse.round(k.co2Kg(), 3) : null,
          AllKpisResponse.round(k.totalEnergyKwh(), 3),
          AllKpisResponse.round(k.emissionFactor(), 6),
          AllKpisResponse.round(k.co2PerUnitKg(), 6),
          r.machine().name(),
          r.machine().type());
    }
  }
}
