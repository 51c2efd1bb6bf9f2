package org.enms.http.report;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.enms.analytics.kpi.MachineKpis;
import org.enms.db.kpi.MonthlyReportDao.DayEnergy;
import org.enms.db.kpi.MonthlyReportDao.ReportAnomaly;
import org.enms.db.kpi.PlantDao.MachineTotals;

/**
 * What the monthly report is computed from, as read from the roll-ups.
 *
 * @param factoryId null for every factory
 * @param factories the electricity KPIs of each factory in scope (its machines as one meter, as
 *     {@code /kpi/factory/{id}} computes them)
 * @param current every machine's totals per energy type in the month
 * @param previous the same for the month before
 * @param days the scope's energy per UTC day and energy type
 * @param anomalies the newest anomalies of the month, at most 50
 */
public record MonthInputs(
    YearMonth month,
    UUID factoryId,
    String factoryName,
    List<FactoryMonth> factories,
    List<MachineTotals> current,
    List<MachineTotals> previous,
    List<DayEnergy> days,
    MonthlyReport.AnomalyCounts anomalyCounts,
    List<ReportAnomaly> anomalies) {

  /** One factory's electricity KPIs of the month; costs in {@code currency}. */
  public record FactoryMonth(UUID id, String name, MachineKpis kpis, String currency) {}
}
