package org.enms.http.iso50001;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code POST /iso50001/performance}: the original tracker's fields, against the SEU's regression
 * baseline. Nothing is stored, so {@code id} is null.
 *
 * @param periodEnd last day of the period
 * @param cumulativeSavingsKwh expected − actual from 1 January of the period's year to its end
 * @param cumulativeSavingsUsd that saving priced (field name kept; the tariff's currency)
 */
public record IsoPerformance(
    UUID id,
    UUID seuId,
    String seuName,
    LocalDate periodStart,
    LocalDate periodEnd,
    String periodType,
    Double actualEnergyKwh,
    Double actualProductionUnits,
    Double actualSec,
    Double expectedEnergyKwh,
    Double expectedSec,
    Double deviationKwh,
    Double deviationPercent,
    Double cumulativeSavingsKwh,
    Double cumulativeSavingsUsd,
    String isoStatus,
    String complianceNotes,
    Double enpi) {}
