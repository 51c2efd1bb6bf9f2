package org.enms.http.iso50001;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /analytics/enpi}: an SEU's EnPI per quarter of the years asked for.
 *
 * @param dataPoints quarters with data; {@code enpi_index} = actual / expected · 100 (the original
 *     divided by the baseline year's actual, which ignores production and weather)
 */
public record EnpiTrend(
    boolean success,
    UUID seuId,
    String seuName,
    int baselineYear,
    List<Point> dataPoints,
    Instant timestamp) {

  /** One quarter. */
  public record Point(
      int year,
      int quarter,
      Double enpiIndex,
      Double deviationPercent,
      Double actualConsumption,
      Double expectedConsumption) {}
}
