package org.enms.http.anomaly;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /anomaly/recent} and {@code /anomaly/search}: the anomalies found, with the filters
 * applied (defaults included) echoed under each endpoint's own parameter names.
 */
public record AnomalyList(int totalCount, Filters filters, List<AnomalyView> anomalies) {

  /** The filters as one endpoint names them; unset ones are null. */
  public sealed interface Filters {}

  /**
   * {@code /anomaly/recent}'s filters.
   *
   * @param timeWindow the period's length, "7 days" or "6 hours"
   */
  public record RecentFilters(
      UUID machineId,
      String severity,
      Instant startTime,
      Instant endTime,
      String timeWindow,
      int limit)
      implements Filters {}

  /** {@code /anomaly/search}'s filters. */
  public record SearchFilters(
      UUID machineId,
      String severity,
      Instant startDate,
      Instant endDate,
      Boolean isResolved,
      int limit)
      implements Filters {}
}
