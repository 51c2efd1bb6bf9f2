package org.enms.http.iso50001;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.enms.analytics.enpi.Cusum;
import org.enms.analytics.enpi.Enpi;
import org.enms.analytics.enpi.IsoStatus;

/**
 * {@code POST /reports/seu-performance}: the original's report fields, plus the EnPI ratio, the
 * saving and its cost.
 *
 * @param periodEnd last day of the period
 * @param cusumDeviation Σ (actual − expected) in kWh from the start of the report year to the end
 *     of the period (the original summed deviation percentages of earlier stored reports)
 * @param monthlyBreakdown per month, for quarters only
 */
public record SeuPerformanceReport(
    UUID seuId,
    String seuName,
    String energySource,
    String reportPeriod,
    LocalDate periodStart,
    LocalDate periodEnd,
    int baselineYear,
    Double actualConsumption,
    Double expectedConsumption,
    Double deviationKwh,
    Double deviationPercent,
    Double cusumDeviation,
    String complianceStatus,
    List<Month> monthlyBreakdown,
    String notes,
    Instant generatedAt,
    Double enpi,
    Double savingsKwh,
    Double savingsCost,
    String currency,
    int days) {

  /** One month of a quarter. */
  public record Month(
      String month, Double actual, Double expected, Double deviationKwh, Double deviationPercent) {}

  static List<Month> months(List<Cusum.Day> days, ReportPeriod period) {
    if (!period.isQuarter()) {
      return null;
    }
    List<Month> out = new ArrayList<>();
    for (LocalDate m = period.start(); m.isBefore(period.end()); m = m.plusMonths(1)) {
      LocalDate from = m;
      LocalDate to = m.plusMonths(1);
      Enpi e =
          Cusum.total(
              days.stream().filter(d -> !d.day().isBefore(from) && d.day().isBefore(to)).toList());
      out.add(
          new Month(
              m.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
              Figures.kwh(e.actualKwh()),
              Figures.kwh(e.expectedKwh()),
              Figures.kwh(e.deviationKwh()),
              Figures.percent(e.deviationPercent())));
    }
    return out;
  }

  static String status(Enpi e) {
    return Double.isFinite(e.deviationPercent())
        ? IsoStatus.compliance(e.deviationPercent())
        : null;
  }
}
