package org.enms.http.report;

import java.util.List;
import java.util.UUID;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/**
 * {@code POST /reports/v2/generate}: the voice client's body.
 *
 * @param factoryId null for every factory
 * @param reportType {@code monthly} (the voice client's) or {@code monthly_enpi}; null: monthly
 * @param includeSections {@link ReportSection} names or the voice client's; null or empty: all
 */
public record V2GenerateRequest(
    UUID factoryId, Integer year, Integer month, String reportType, List<String> includeSections)
    implements Validated {

  @Override
  public void validate(Violations v) {
    if (v.required("year", year)) {
      v.between("year", year, ReportScope.FIRST_YEAR, ReportScope.LAST_YEAR);
    }
    if (v.required("month", month)) {
      v.between("month", month, 1, 12);
    }
  }

  String type() {
    return reportType == null ? "monthly" : reportType;
  }
}
