package org.enms.http.plant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /machines/{id}/energy-types}: the original's fields (the voice client reads {@code
 * energy_types[].energy_type} and {@code total_energy_types}).
 */
public record EnergyTypesResponse(
    UUID machineId,
    String machineName,
    int timePeriodHours,
    List<TypeEntry> energyTypes,
    int totalEnergyTypes,
    Instant timestamp) {

  /**
   * @param avgPowerKw the readings' mean power, kW (kWh equivalents for gas and steam)
   * @param firstReading the first minute with a reading
   * @param lastReading the last minute with a reading
   * @param unit the carrier's own unit: kWh, m³, kg
   */
  public record TypeEntry(
      String energyType,
      long readingCount,
      double avgPowerKw,
      Instant firstReading,
      Instant lastReading,
      String unit) {}
}
