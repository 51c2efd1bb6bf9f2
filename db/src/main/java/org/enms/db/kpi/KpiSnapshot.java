package org.enms.db.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One row of {@code kpi_daily_snapshots}: a machine's KPIs of one energy type over one UTC day.
 * Nullable figures are null when they cannot be computed (no intervals, no production).
 */
public record KpiSnapshot(
    LocalDate day,
    UUID machineId,
    String energyType,
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
