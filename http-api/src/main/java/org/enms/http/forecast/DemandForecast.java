package org.enms.http.forecast;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /forecast/demand} and {@code POST /forecast/predict}: average demand per period, kW,
 * with its prediction interval given both ways the original did (Prophet's {@code
 * lower_bound}/{@code upper_bound} and ARIMA's {@code confidence_intervals}).
 *
 * @param frequency {@code 15T} (quarters) or {@code H} (hours)
 * @param timestamps the start of each period
 * @param calibrationRuns past days whose errors calibrate the intervals
 */
public record DemandForecast(
    String modelType,
    UUID machineId,
    String horizon,
    int periods,
    String frequency,
    List<Double> predictions,
    List<Instant> timestamps,
    List<Double> lowerBound,
    List<Double> upperBound,
    ConfidenceIntervals confidenceIntervals,
    Instant forecastedAt,
    String unit,
    String method,
    int calibrationRuns) {

  /**
   * @param alpha 1 − the nominal coverage
   */
  public record ConfidenceIntervals(List<Double> lower, List<Double> upper, double alpha) {}
}
