package org.enms.analytics.kpi;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One machine's energy of one source in one 15-minute interval, with the cost and CO₂ fixed when it
 * was rolled up.
 *
 * @param bucket the interval's start
 * @param energyKwh energy used in the interval, kWh
 * @param demandKw the interval's average power, kW
 * @param ratePerKwh the price per kWh it was billed at
 * @param energyCost {@code energyKwh × ratePerKwh}
 * @param demandRatePerKw the demand charge in force, per kW, or null
 * @param co2KgPerKwh the emission factor it was rated at, kg CO₂ per kWh
 * @param co2Kg {@code energyKwh × co2KgPerKwh}
 */
public record PricedInterval(
    Instant bucket,
    LocalDate billingMonth,
    double energyKwh,
    double demandKw,
    double ratePerKwh,
    double energyCost,
    Double demandRatePerKw,
    double co2KgPerKwh,
    double co2Kg) {

  /** Prices an interval's energy at {@code price} and rates its CO₂ at {@code co2KgPerKwh}. */
  public static PricedInterval of(
      Instant bucket, double energyKwh, double demandKw, IntervalPrice price, double co2KgPerKwh) {
    return new PricedInterval(
        bucket,
        price.billingMonth(),
        energyKwh,
        demandKw,
        price.ratePerKwh(),
        energyKwh * price.ratePerKwh(),
        price.demandRatePerKw(),
        co2KgPerKwh,
        energyKwh * co2KgPerKwh);
  }
}
