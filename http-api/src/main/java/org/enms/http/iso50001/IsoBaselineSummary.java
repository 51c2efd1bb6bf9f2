package org.enms.http.iso50001;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code /iso50001/baseline}: the original tracker's baseline fields, from the SEU's regression
 * baseline and its period's days, plus the model's version and fit.
 *
 * @param baselineOperatingHours hours with energy data in the period (the original counted 24 per
 *     day with any data)
 * @param baselineSec energy per unit produced; null without production
 */
public record IsoBaselineSummary(
    UUID id,
    UUID seuId,
    String seuName,
    int baselineYear,
    LocalDate baselineStartDate,
    LocalDate baselineEndDate,
    Double baselineEnergyKwh,
    Double baselineProductionUnits,
    Integer baselineOperatingHours,
    Double baselineSec,
    boolean isActive,
    int version,
    double rSquared) {}
