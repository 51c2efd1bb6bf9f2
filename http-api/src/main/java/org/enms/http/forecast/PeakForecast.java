package org.enms.http.forecast;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code GET /forecast/peak}: the highest quarter-hour demand of the next 24 hours.
 *
 * @param peakTime start of the quarter hour
 * @param peakVsAveragePercent how far the peak lies above the mean, %
 * @param peakDemandUpperKw the upper end of the peak quarter's interval at {@code intervalLevel}
 */
public record PeakForecast(
    UUID machineId,
    Instant peakTime,
    double peakDemandKw,
    double averageDemandKw,
    double peakVsAveragePercent,
    Instant forecastedAt,
    double peakDemandUpperKw,
    double intervalLevel,
    String method) {}
