package org.enms.http.iso50001;

import java.util.UUID;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/**
 * {@code POST /reports/seu-performance}: the original's body.
 *
 * @param period {@code Q1}..{@code Q4}, {@code annual}, {@code 1}..{@code 12} or {@code YYYY-MM}
 * @param baselineYear the baseline to judge by (its newest version); null for the active one
 */
public record SeuPerformanceRequest(
    UUID seuId, Integer reportYear, Integer baselineYear, String period) implements Validated {

  @Override
  public void validate(Violations v) {
    v.required("seu_id", seuId);
    if (v.required("report_year", reportYear)) {
      v.between("report_year", reportYear, 2000, 2100);
    }
    v.name("period", period);
    if (reportYear != null && baselineYear != null && reportYear < baselineYear) {
      v.invalid("report_year", "report_year must not be before baseline_year");
    }
  }
}
