package org.enms.http.plant;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /factory/summary}: the original's fields, which the voice client reads ({@code
 * energy.total_kwh_today}, {@code energy.current_power_kw}, {@code energy.avg_power_kw}, {@code
 * costs.total_usd_today}, {@code machines.*}, {@code timestamp}).
 *
 * @param status operational, attention_required, critical_alerts, warnings_present or no_machines
 * @param topConsumer today's largest electricity user, or null
 * @param latestAnomaly today's latest anomaly, or null
 */
public record FactorySummaryResponse(
    Instant timestamp,
    String status,
    Energy energy,
    Costs costs,
    Machines machines,
    Anomalies anomalies,
    TopConsumer topConsumer,
    LatestAnomaly latestAnomaly) {

  /**
   * @param totalKwhToday electricity since 00:00 UTC, kWh
   * @param currentPowerKw the machines' latest power together (readings of the last 5 minutes)
   * @param avgPowerKw the sum of the machines' mean power today (their 15-minute averages')
   */
  public record Energy(double totalKwhToday, double currentPowerKw, double avgPowerKw) {}

  /**
   * @param totalUsdToday today's priced intervals billed in USD
   * @param estimatedMonth the month so far (USD), extrapolated to the whole month
   * @param byCurrency today's cost per billing currency (added: a factory may bill in EUR)
   */
  public record Costs(
      double totalUsdToday, double estimatedMonth, Map<String, Double> byCurrency) {}

  /**
   * @param active running now (above 5 kW)
   */
  public record Machines(int total, int active, int idle, int stopped) {}

  /**
   * @param normal info and normal
   */
  public record Anomalies(long critical, long warnings, long normal, long totalToday) {}

  public record TopConsumer(
      UUID machineId,
      String machineName,
      String machineType,
      double energyKwh,
      double percentOfTotal) {}

  public record LatestAnomaly(
      UUID anomalyId,
      UUID machineId,
      String machineName,
      Instant detectedAt,
      String severity,
      String type,
      boolean isResolved) {}
}
