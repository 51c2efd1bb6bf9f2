package org.enms.http.anomaly;

import java.util.List;

/** {@code GET /anomaly/active}: the unresolved anomalies, counted by severity. */
public record ActiveAnomalies(int totalCount, BySeverity bySeverity, List<AnomalyView> anomalies) {

  /**
   * @param info the lowest level: rows stored as {@code info} (live detection) or {@code normal}
   *     (the original's name for it), so that the three add up to the total
   */
  public record BySeverity(long critical, long warning, long info) {}
}
