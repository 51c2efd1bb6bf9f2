package org.enms.http.kpi;

import org.enms.analytics.kpi.MachineKpis;
import org.enms.db.kpi.KpiMachine;

/**
 * A machine's KPIs.
 *
 * @param currency what the costs are in: the factory's billing currency
 */
public record MachineKpiReport(KpiMachine machine, MachineKpis kpis, String currency) {}
