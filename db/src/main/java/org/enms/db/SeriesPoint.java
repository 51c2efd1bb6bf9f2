package org.enms.db;

import java.time.Instant;

/**
 * One bucket of a time series; {@code value} in the unit of the series (kWh or kW). {@code
 * partial}: the bucket has not ended yet, so its value will still grow (energy) or move (power).
 */
public record SeriesPoint(Instant bucket, double value, boolean partial) {
  public SeriesPoint(Instant bucket, double value) {
    this(bucket, value, false);
  }
}
