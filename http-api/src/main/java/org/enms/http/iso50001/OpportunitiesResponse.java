package org.enms.http.iso50001;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /performance/opportunities}: the original's fields.
 *
 * @param totalPotentialSavingsUsd priced per SEU (field name kept; the tariff's currency)
 */
public record OpportunitiesResponse(
    UUID factoryId,
    String period,
    int totalOpportunities,
    Double totalPotentialSavingsKwh,
    Double totalPotentialSavingsUsd,
    List<Opportunity> opportunities,
    Instant timestamp) {

  /**
   * One opportunity, ranked by kWh.
   *
   * @param roiDays days of the saving that pay for the effort (low 500, medium 1,000, high 2,000 in
   *     the price's currency); null without a price
   */
  public record Opportunity(
      int rank,
      String seuName,
      String issueType,
      String description,
      Double potentialSavingsKwh,
      Double potentialSavingsUsd,
      String effort,
      Integer roiDays,
      String recommendedAction,
      String detailedAnalysis) {}
}
