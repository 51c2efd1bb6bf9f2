package org.enms.http.plant;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /machines/{id}/energy/{type}}: a machine's latest readings of one carrier, newest
 * first, with the original's fields (the voice client reads {@code data[].power_kw}, {@code
 * consumption_m3} for gas, {@code consumption_kg} for steam, {@code count} and {@code unit}).
 *
 * @param unit the carrier's own unit: kWh, m³ or kg
 */
public record EnergyReadingsResponse(
    boolean success,
    UUID machineId,
    String machineName,
    String energyType,
    List<Reading> data,
    int count,
    String unit,
    Instant timestamp) {

  /**
   * One reading; the payload's other fields (e.g. {@code consumption_m3}, {@code flow_rate_m3h},
   * {@code pressure_bar}) follow as they arrived.
   *
   * @param powerKw kW (kWh equivalents per hour for gas and steam)
   * @param energyKwh the reading's energy, kWh (equivalents); null when not sent
   */
  public record Reading(
      Instant time,
      double powerKw,
      Double energyKwh,
      @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> metadata) {
    @JsonAnyGetter
    public Map<String, Object> fields() {
      return metadata;
    }
  }
}
