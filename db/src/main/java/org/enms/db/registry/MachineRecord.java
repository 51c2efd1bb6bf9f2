package org.enms.db.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A machine as the registry stores it, with its energy sources.
 *
 * @param ratedPowerKw nameplate electrical power, kW
 * @param dataIntervalSeconds how often the machine reports, s
 * @param ratedCurrentA nameplate current, A
 * @param ratedVoltageV nameplate voltage, V
 */
public record MachineRecord(
    UUID id,
    UUID factoryId,
    String factoryName,
    String name,
    String type,
    double ratedPowerKw,
    int dataIntervalSeconds,
    List<EnergySourceUse> energySources,
    UUID tariffId,
    String description,
    String manufacturer,
    String model,
    String locationInFactory,
    String mqttTopic,
    boolean critical,
    Double ratedCurrentA,
    Double ratedVoltageV,
    boolean isActive,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * One energy source of the machine.
   *
   * @param unit the unit the machine reports this carrier in
   */
  public record EnergySourceUse(UUID energySourceId, String name, String unit) {}

  /** The fields a caller can set, as they are now (the base of a partial update). */
  public MachineDraft toDraft() {
    return new MachineDraft(
        factoryId,
        name,
        type,
        ratedPowerKw,
        dataIntervalSeconds,
        energySources.stream()
            .map(s -> new MachineDraft.SourceUse(s.energySourceId(), s.unit()))
            .toList(),
        tariffId,
        description,
        manufacturer,
        model,
        locationInFactory,
        mqttTopic,
        critical,
        ratedCurrentA,
        ratedVoltageV);
  }
}
