package org.enms.http.plant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /machines/{id}/energy-summary}: the original's fields (the voice client reads {@code
 * summary_by_type[].total_kwh/unit/energy_type} and {@code total_energy_types}). Each energy type
 * is summed on its own: a boiler's gas and steam never land in its electricity.
 */
public record EnergySummaryResponse(
    boolean success,
    UUID machineId,
    String machineName,
    TimePeriod timePeriod,
    List<TypeSummary> summaryByType,
    int totalEnergyTypes,
    Instant timestamp) {

  public record TimePeriod(Instant start, Instant end, double hours) {}

  /**
   * @param totalKwh the energy of the period, kWh (gas and steam as kWh equivalents; the original
   *     multiplied an average power by the hours and labelled it m³ or kg)
   * @param unit the unit of {@code total_kwh}: kWh
   * @param nativeTotal the same energy in the carrier's own unit (added)
   * @param nativeUnit kWh, m³ or kg (added)
   * @param cost at the priced intervals' rates, in {@code currency} (added)
   */
  public record TypeSummary(
      String energyType,
      long readingCount,
      double avgPowerKw,
      double totalKwh,
      String unit,
      double nativeTotal,
      String nativeUnit,
      double cost,
      String currency,
      double co2Kg) {}
}
