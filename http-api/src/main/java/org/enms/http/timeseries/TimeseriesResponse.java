package org.enms.http.timeseries;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /timeseries/energy} and {@code /power} in the original's fields.
 *
 * @param metric energy or power
 * @param endTime exclusive
 * @param aggregation sum (energy) or average (power)
 */
public record TimeseriesResponse(
    UUID machineId,
    String machineName,
    String metric,
    String interval,
    Instant startTime,
    Instant endTime,
    List<DataPoint> dataPoints,
    int totalPoints,
    String aggregation) {

  /**
   * One bucket.
   *
   * @param timestamp the bucket's start
   * @param value rounded to 6 decimals, in {@code unit}
   * @param unit kWh or kW
   * @param partial the bucket has not ended yet: its value still grows (energy) or moves (power)
   */
  public record DataPoint(Instant timestamp, double value, String unit, boolean partial) {}
}
