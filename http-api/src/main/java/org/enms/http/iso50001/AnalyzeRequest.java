package org.enms.http.iso50001;

import java.time.LocalDate;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/**
 * {@code POST /performance/analyze}, as the voice client sends it: {@code energy_source} may be
 * {@code energy} (the original's name for electricity); {@code analysis_date} a day.
 */
public record AnalyzeRequest(String seuName, String energySource, String analysisDate)
    implements Validated {

  @Override
  public void validate(Violations v) {
    v.name("seu_name", seuName);
    v.name("energy_source", energySource);
    SeuBaselineRequest.day(v, "analysis_date", analysisDate);
  }

  LocalDate day() {
    return SeuBaselineRequest.parse(analysisDate);
  }
}
