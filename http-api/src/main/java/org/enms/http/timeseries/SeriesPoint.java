package org.enms.http.timeseries;

import java.time.Instant;

/**
 * One bucket of a time series: its start and its value (kWh for energy, kW for power); {@code
 * partial} while the bucket has not ended.
 */
public record SeriesPoint(Instant bucket, double value, boolean partial) {
  public SeriesPoint(Instant bucket, double value) {
    this(bucket, value, false);
  }
}
