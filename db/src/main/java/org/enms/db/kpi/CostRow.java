package org.enms.db.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A row of {@code energy_costs_15min}: one priced interval.
 *
 * @param tariffId the tariff version of the energy price, or null for the source's list price
 * @param demandTariffId the demand charge in force, or null
 * @param demandRatePerKw its price per kW, or null
 */
public record CostRow(
    Instant bucket,
    UUID machineId,
    String energyType,
    LocalDate billingMonth,
    double energyKwh,
    double demandKw,
    UUID tariffId,
    double ratePerKwh,
    double energyCost,
    String currency,
    UUID demandTariffId,
    Double demandRatePerKw,
    double co2KgPerKwh,
    double co2Kg) {}
