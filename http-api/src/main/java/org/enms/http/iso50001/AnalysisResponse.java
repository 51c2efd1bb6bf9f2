package org.enms.http.iso50001;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /performance/analyze}: the original's fields (the voice client speaks {@code
 * voice_summary}), plus how the expectation was made and whether the day was projected.
 *
 * @param baselineEnergyKwh the SEU baseline's expectation for the day's production and weather;
 *     without a baseline, the mean of the 30 days before (the original's only method)
 * @param deviationCostUsd |deviation| at the SEU's price (field name kept; the tariff's currency)
 * @param expectedBy {@code seu_baseline} or {@code 30_day_average}
 * @param projected the day is today: its complete hours are projected to 24
 */
public record AnalysisResponse(
    String seuName,
    String energySource,
    LocalDate date,
    Double actualEnergyKwh,
    Double baselineEnergyKwh,
    Double deviationKwh,
    Double deviationPercent,
    Double deviationCostUsd,
    double efficiencyScore,
    RootCause rootCauseAnalysis,
    List<Recommendation> recommendations,
    String iso50001Status,
    String voiceSummary,
    Instant timestamp,
    String expectedBy,
    boolean projected,
    int hoursMeasured) {

  /** Why the day deviates, as far as the figures tell. */
  public record RootCause(
      String primaryFactor,
      String impactDescription,
      List<String> contributingFactors,
      double confidence) {}

  /** One thing to do about it. */
  public record Recommendation(
      String action,
      String type,
      Double potentialSavingsKwh,
      Double potentialSavingsUsd,
      String implementationEffort,
      String priority,
      int expectedRoiDays,
      List<String> detailedSteps) {}
}
