package org.enms.http.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tomorrow (UTC) of every active machine with history, or of one factory's, in the original's
 * fields. Unlike the original, the peak is the peak of the plant's summed demand (not the largest
 * machine peak), and the total's interval is calibrated on the plant's own past totals.
 *
 * @param factoryId the factory asked for; null for the whole plant
 * @param totalPredictedCostUsd the cost of the machines billed in USD, each hour at its tariff
 * @param costByCurrency the cost per billing currency (added: costs are never summed across them)
 * @param predictedPeakDemandKw the highest forecast hourly demand of all the machines together
 * @param peakMachine the machine drawing most in that hour
 */
public record PlantTomorrow(
    String forecastType,
    LocalDate forecastDate,
    UUID factoryId,
    double totalPredictedEnergyKwh,
    double totalPredictedCostUsd,
    double predictedPeakDemandKw,
    String predictedPeakTime,
    String peakMachine,
    double averageConfidence,
    int machinesForecasted,
    List<Line> byMachine,
    String method,
    Instant timestamp,
    double totalPredictedEnergyLowerKwh,
    double totalPredictedEnergyUpperKwh,
    double intervalLevel,
    Map<String, Double> costByCurrency)
    implements TomorrowForecast {

  /** One machine's part. */
  public record Line(
      UUID machineId,
      String machineName,
      String machineType,
      double predictedEnergyKwh,
      double predictedCostUsd,
      double predictedPeakPowerKw,
      double confidence,
      String currency) {}
}
