package org.enms.http.kpi;

import org.enms.analytics.kpi.MachineKpis;
import org.enms.db.kpi.KpiFactory;
import org.enms.db.kpi.ProductionTotals;

/**
 * A factory's machines as one meter: energy, its coincident 15-minute peak, cost, CO₂ and
 * production, and how its machines are doing now.
 *
 * @param active machines running now (latest power above 5 kW)
 * @param idle machines idle now (above 0.5 kW)
 * @param stopped the other active machines
 */
public record FactoryKpiReport(
    KpiFactory factory,
    MachineKpis kpis,
    ProductionTotals production,
    String currency,
    int totalMachines,
    int active,
    int idle,
    int stopped,
    int machinesWithData) {}
