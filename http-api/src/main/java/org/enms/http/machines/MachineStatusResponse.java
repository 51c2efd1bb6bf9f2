package org.enms.http.machines;

import java.time.Instant;
import java.util.UUID;
import org.enms.http.anomaly.AnomalySummary;
import org.enms.http.support.JsonSupport;

/**
 * {@code GET /machines/status/{name}} in the original's fields, which the voice client reads.
 * Rounded for display: power and energy to 3 decimals, money and hours to 2, percentages as noted.
 *
 * @param machineType lower case
 * @param location the factory's location
 * @param productionToday null until the machine reports production
 */
public record MachineStatusResponse(
    UUID machineId,
    String machineName,
    String machineType,
    String location,
    boolean isActive,
    CurrentStatus currentStatus,
    TodayStats todayStats,
    RecentAnomalies recentAnomalies,
    ProductionToday productionToday,
    Instant timestamp) {

  /**
   * @param status running, idle or stopped
   * @param powerKw latest electrical power, kW
   * @param lastReading null when no reading arrived
   */
  public record CurrentStatus(String status, double powerKw, Instant lastReading) {
    static CurrentStatus of(LiveStatus s) {
      return new CurrentStatus(s.status(), JsonSupport.round(s.powerKw(), 3), s.lastReading());
    }
  }

  /**
   * Since 00:00 UTC.
   *
   * @param costUsd today's electricity at the prices fixed per 15-minute interval (the tariffs in
   *     force then), in the factory's billing currency; the field keeps the original's name
   * @param uptimePercent of the time since midnight, to 1 decimal
   */
  public record TodayStats(
      double energyKwh,
      double costUsd,
      double avgPowerKw,
      double peakPowerKw,
      double uptimeHours,
      double uptimePercent) {
    /**
     * @param cost today's electricity cost
     * @param hoursToday time since midnight, h (positive)
     */
    static TodayStats of(LiveStatus s, double cost, double hoursToday) {
      return new TodayStats(
          JsonSupport.round(s.todayEnergyKwh(), 3),
          JsonSupport.round(cost, 2),
          JsonSupport.round(s.todayAvgPowerKw(), 3),
          JsonSupport.round(s.todayPeakPowerKw(), 3),
          JsonSupport.round(s.uptimeHours(), 2),
          JsonSupport.round(Math.min(100, s.uptimeHours() / hoursToday * 100), 1));
    }
  }

  /** The last 24 hours' anomalies by severity, and the latest one if any. */
  public record RecentAnomalies(
      int count, int critical, int warnings, int normal, AnomalySummary.Latest latest) {
    static RecentAnomalies of(AnomalySummary a) {
      return new RecentAnomalies(a.count(), a.critical(), a.warnings(), a.normal(), a.latest());
    }
  }

  /**
   * @param qualityPercent good units of those produced, to 2 decimals; null when none was produced
   */
  public record ProductionToday(
      long unitsProduced, long unitsGood, long unitsBad, Double qualityPercent) {
    /** Null when the machine reported no production today. */
    static ProductionToday of(LiveStatus s) {
      if (s.unitsProduced() == 0 && s.unitsGood() == 0 && s.unitsBad() == 0) {
        return null;
      }
      return new ProductionToday(
          s.unitsProduced(),
          s.unitsGood(),
          s.unitsBad(),
          s.unitsProduced() == 0
              ? null
              : JsonSupport.round(100.0 * s.unitsGood() / s.unitsProduced(), 2));
    }
  }
}
