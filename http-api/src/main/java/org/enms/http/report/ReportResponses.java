package org.enms.http.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON bodies of {@code /reports/*}, in the original's fields. */
final class ReportResponses {
  private ReportResponses() {}

  /** {@code GET /reports/types}. */
  record Types(boolean success, List<ReportType> data, Instant timestamp) {}

  record ReportType(
      String type,
      String name,
      String description,
      String format,
      Map<String, String> parameters,
      List<String> sections) {}

  /** {@code GET /reports/preview}. */
  record Preview(boolean success, MonthlyReport data, Instant timestamp) {}

  /**
   * {@code POST /reports/v2/generate}.
   *
   * @param downloadUrl the path of {@code GET /reports/v2/download/{report_id}}
   */
  record Generated(
      boolean success, String message, String reportId, String downloadUrl, double fileSizeKb) {}
}
