package org.enms.http.plant;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /compare/machines}: the original's fields. Rank 1 is the highest value (the lowest for
 * efficiency, i.e. SEC); {@code performance} says which end is better: less energy, cost, SEC and
 * anomalies, more production.
 */
public record CompareResponse(
    String metric,
    String metricLabel,
    String metricUnit,
    Window.TimePeriod timePeriod,
    String query,
    int machinesCount,
    List<Entry> ranking,
    String bestPerformer,
    String worstPerformer,
    List<String> insights) {

  /**
   * @param metricValue null for efficiency without production
   * @param performance best, worst or average
   */
  public record Entry(
      UUID machineId,
      String machineName,
      String machineType,
      Double metricValue,
      double percentage,
      double totalEnergyKwh,
      long totalProduction,
      long criticalAnomalies,
      long warningAnomalies,
      int rank,
      String performance) {}
}
