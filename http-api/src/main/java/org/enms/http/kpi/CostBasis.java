package org.enms.http.kpi;

import org.enms.analytics.kpi.MachineKpis;
import org.enms.db.kpi.KpiMachine;

/**
 * A machine's energy over a period as the cost scenarios split it.
 *
 * @param kwhByLocalHour energy per hour of day in the factory's time (24 entries), kWh
 * @param kpis its KPIs over the same period (energy, peak demand)
 */
public record CostBasis(KpiMachine machine, double[] kwhByLocalHour, MachineKpis kpis) {}
