package org.enms.core.reading;

import java.time.Instant;
import java.util.UUID;

/**
 * Power and energy of one carrier.
 *
 * @param powerKw instantaneous (or interval-average) power, kW; kWh-equivalent per hour for gas and
 *     steam
 * @param energyKwh energy used in the interval ending at {@code time}, kWh; null when the meter
 *     only reports a cumulative counter
 * @param counterKwh cumulative meter register, kWh; null when the meter reports interval energy
 * @param metadataJson carrier-specific native values (m³, kg, bar, °C) as a JSON object, or null
 */
public record EnergyReading(
    UUID machineId,
    Instant time,
    String energyType,
    double powerKw,
    Double energyKwh,
    Double counterKwh,
    Double voltageV,
    Double currentA,
    Double powerFactor,
    Double frequencyHz,
    String metadataJson)
    implements Reading {

  /** A plain electricity reading with interval energy, as most machines report it. */
  public static EnergyReading electricity(
      UUID machineId, Instant time, double powerKw, double energyKwh) {
    return new EnergyReading(
        machineId,
        time,
        EnergyType.ELECTRICITY,
        powerKw,
        energyKwh,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public EnergyReading withEnergyKwh(double kwh) {
    return new EnergyReading(
        machineId,
        time,
        energyType,
        powerKw,
        kwh,
        counterKwh,
        voltageV,
        currentA,
        powerFactor,
        frequencyHz,
        metadataJson);
  }
}
