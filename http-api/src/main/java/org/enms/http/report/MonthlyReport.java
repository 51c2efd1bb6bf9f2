package org.enms.http.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The monthly EnPI report's figures: {@code GET /reports/preview}'s {@code data}, and what the PDF
 * shows. The original's fields, plus the ones marked "added". Energy figures are electricity only;
 * gas and steam (kWh equivalents) are listed apart and never added to it; costs are per currency.
 *
 * @param period "Month YYYY"
 * @param factoryId null for every factory (added)
 * @param factoryName "All Factories" without a factory
 * @param otherCarriers each machine's gas and steam, kWh equivalents (added)
 * @param dailyStats null without any day of electricity
 * @param anomalies the newest 50 at most
 * @param costs per energy type and currency (added)
 * @param carbon per energy type (added)
 */
public record MonthlyReport(
    int year,
    int month,
    String period,
    UUID factoryId,
    String factoryName,
    Summary summary,
    List<EnpiValue> enpis,
    List<MachineShare> machines,
    List<CarrierEnergy> otherCarriers,
    List<DayKwh> dailyData,
    DailyStats dailyStats,
    List<AnomalyEntry> anomalies,
    List<CarrierCost> costs,
    List<CarrierCarbon> carbon,
    List<String> recommendations) {

  /**
   * @param totalKwh electricity of the month
   * @param previousMonthKwh electricity of the month before (added)
   * @param prevMonthChange percent; null when the month before has no electricity
   * @param energyBySource every energy type's total, kWh (gas and steam as kWh equivalents; added)
   * @param costsByCurrency the month's cost of every energy type, per currency (added)
   * @param co2Kg every energy type's CO₂ (added)
   */
  public record Summary(
      double totalKwh,
      double previousMonthKwh,
      Double prevMonthChange,
      AnomalyCounts anomalyCounts,
      Map<String, Double> energyBySource,
      Map<String, Double> costsByCurrency,
      double co2Kg) {}

  /**
   * Anomalies detected in the month; {@code normal} counts the lowest level (info and normal).
   *
   * @param openCritical the critical ones not resolved (added)
   */
  public record AnomalyCounts(long critical, long warning, long normal, long openCritical) {
    public long total() {
      return critical + warning + normal;
    }
  }

  /**
   * One EnPI of one factory against its target.
   *
   * @param current null without data (SEC without production)
   * @param status the original's "✓ Good", "⚠ Above Target" or "⚠ Below Target"; "No data"
   * @param unit added
   * @param factoryName added: which factory (a report of every factory has one set per factory)
   */
  public record EnpiValue(
      String name,
      Double current,
      double target,
      String status,
      String unit,
      UUID factoryId,
      String factoryName) {

    public boolean onTarget() {
      return status.startsWith("✓");
    }
  }

  /**
   * A machine's electricity and its share of the month's.
   *
   * @param trend against the month before: "+4.2%", "new" or "-"
   * @param previousKwh added
   */
  public record MachineShare(
      UUID machineId, String name, double kwh, double percent, String trend, double previousKwh) {}

  /** A machine's energy of a type other than electricity, kWh equivalents. */
  public record CarrierEnergy(UUID machineId, String name, String energyType, double kwh) {}

  /**
   * @param date YYYY-MM-DD (UTC)
   */
  public record DayKwh(String date, double kwh) {}

  public record DailyStats(double avg, double max, String maxDate, double min, String minDate) {}

  public record AnomalyEntry(
      UUID anomalyId,
      Instant detectedAt,
      String severity,
      boolean isResolved,
      String machine,
      String anomalyType,
      String energyType) {}

  /** The month's cost of one energy type in one currency (energy and demand charges). */
  public record CarrierCost(String energyType, String currency, double cost) {}

  public record CarrierCarbon(String energyType, double co2Kg) {}
}
