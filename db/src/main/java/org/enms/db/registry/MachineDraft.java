package org.enms.db.registry;

import java.util.List;
import java.util.UUID;

/**
 * What a caller sets on a machine. {@code (factoryId, name)} is its natural key. Descriptive fields
 * may be null.
 *
 * @param type wire name of the machine type ({@code compressor}, {@code hvac}, ..., {@code other})
 * @param ratedPowerKw nameplate electrical power, kW
 * @param dataIntervalSeconds how often the machine reports, s
 * @param energySources the carriers it draws and the unit it reports each in; replaces the old set
 * @param tariffId the tariff it is billed under (one of its factory's), or null for the default
 * @param ratedCurrentA nameplate current, A
 * @param ratedVoltageV nameplate voltage, V
 */
public record MachineDraft(
    UUID factoryId,
    String name,
    String type,
    double ratedPowerKw,
    int dataIntervalSeconds,
    List<SourceUse> energySources,
    UUID tariffId,
    String description,
    String manufacturer,
    String model,
    String locationInFactory,
    String mqttTopic,
    boolean critical,
    Double ratedCurrentA,
    Double ratedVoltageV) {

  /**
   * One energy source of a machine.
   *
   * @param unit the unit the machine reports this carrier in
   */
  public record SourceUse(UUID energySourceId, String unit) {}
}
