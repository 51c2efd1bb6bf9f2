package org.enms.http.plant;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /analytics/top-consumers}: the original's fields (the voice client reads {@code
 * ranking[].rank/machine_name/value/percentage}, {@code unit}, {@code metric}).
 *
 * @param unit kWh, kW, anomalies, or the currency of the costs (mixed when machines bill in
 *     different currencies)
 * @param message set when nothing is ranked
 */
public record TopConsumersResponse(
    String metric,
    String metricLabel,
    Period timePeriod,
    double totalValue,
    String unit,
    int machinesAnalyzed,
    List<Ranked> ranking,
    String message) {

  public record Period(java.time.Instant start, java.time.Instant end, double durationHours) {}

  /** One place of the ranking. */
  public sealed interface Ranked permits EnergyRank, AnomalyRank {}

  /**
   * By energy, cost or power.
   *
   * @param costUsd the machine's cost in {@code currency}
   * @param currency its billing currency (added)
   */
  public record EnergyRank(
      int rank,
      UUID machineId,
      String machineName,
      String machineType,
      double value,
      double percentage,
      double energyKwh,
      double costUsd,
      String currency,
      double avgPowerKw)
      implements Ranked {}

  /**
   * By anomalies detected.
   *
   * @param normal info and normal
   */
  public record AnomalyRank(
      int rank,
      UUID machineId,
      String machineName,
      String machineType,
      long value,
      double percentage,
      long critical,
      long warnings,
      long normal)
      implements Ranked {}
}
