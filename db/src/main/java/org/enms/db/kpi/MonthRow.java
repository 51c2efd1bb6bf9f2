package org.enms.db.kpi;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A meter's stored interval costs of one billing month, summed (the shape of {@code
 * org.enms.analytics.kpi.MonthTotals}).
 *
 * @param demandKwSum the intervals' average powers added up, kW
 * @param peakAt the first interval with the highest average power
 * @param demandRateAtPeak the demand charge in force in that interval, or null
 */
public record MonthRow(
    LocalDate month,
    double energyKwh,
    double energyCost,
    double co2Kg,
    long intervals,
    double demandKwSum,
    double peakDemandKw,
    Instant peakAt,
    Double demandRateAtPeak,
    String currency) {}
