package org.enms.http.anomaly;

import java.util.List;

/** {@code GET /anomaly/active}: the unresolved anomalies, counted by severity. */
public record ActiveAnomalies(int totalCount, BySeverity bySeverity, List<AnomalyView> anomalies) {

  /**
   * @param info always 0: a stored severity is normal, warning or critical; kept for clients
   */
  public record BySeverity(long critical, long warning, int info) {}
}
