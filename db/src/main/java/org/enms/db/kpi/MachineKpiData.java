package org.enms.db.kpi;

import java.util.List;

/** What a machine's KPIs are computed from, read in one statement. */
public record MachineKpiData(
    KpiMachine machine, List<MonthRow> months, ProductionTotals production) {
  public MachineKpiData {
    months = List.copyOf(months);
  }
}
