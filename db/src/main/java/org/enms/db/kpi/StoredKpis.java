package org.enms.db.kpi;

import java.time.Instant;

/**
 * A row of the SQL function {@code calculate_all_kpis}: what Grafana reads.
 *
 * @param avgPowerKw null without intervals, as are the other figures that divide by something
 */
public record StoredKpis(
    String machineName,
    double timePeriodHours,
    double totalEnergyKwh,
    Double avgPowerKw,
    Double peakDemandKw,
    Instant peakDemandTime,
    long totalProductionUnits,
    Double secKwhPerUnit,
    Double loadFactor,
    Double loadFactorPercent,
    double energyCharge,
    double demandCharge,
    double totalCost,
    String currency,
    Double costPerUnit,
    double totalCo2Kg,
    Double co2PerUnitKg) {}
