package org.enms.http.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /forecast/optimal-schedule}: the best hours of a day for an extra load of {@code
 * load_kw} for one hour.
 *
 * @param peakDemandThreshold the day's mean forecast demand × 1.2, kW: an hour whose demand with
 *     the load stays below it sets no new peak
 */
public record ScheduleAdvice(
    UUID machineId,
    LocalDate date,
    double loadKw,
    double peakDemandThreshold,
    List<Recommendation> recommendations,
    Instant generatedAt,
    String method) {

  /**
   * One recommended hour.
   *
   * @param timestamp the hour's start
   * @param costUsd the load's cost for that hour at its rate
   * @param potentialSavingsUsd against running the load at the peak rate
   * @param withinThreshold the demand with the load stays below {@code peak_demand_threshold}
   */
  public record Recommendation(
      Instant timestamp,
      double predictedDemandKw,
      double loadKw,
      double totalDemandKw,
      boolean isPeakHour,
      double costUsd,
      double potentialSavingsUsd,
      boolean withinThreshold) {}
}
