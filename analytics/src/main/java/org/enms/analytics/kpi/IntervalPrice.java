package org.enms.analytics.kpi;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The prices in force for one 15-minute interval, fixed when the interval is rolled up.
 *
 * @param energyTariffId the tariff version priced under; null for the energy source's list price
 * @param ratePerKwh price per kWh in {@code currency}
 * @param demandTariffId the demand-charge version in force, or null
 * @param demandRatePerKw its price per kW of the month's peak, or null when none is in force
 * @param billingMonth first day of the local calendar month the interval is billed in
 */
public record IntervalPrice(
    UUID energyTariffId,
    double ratePerKwh,
    UUID demandTariffId,
    Double demandRatePerKw,
    String currency,
    LocalDate billingMonth) {}
