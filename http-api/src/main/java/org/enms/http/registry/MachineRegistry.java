package org.enms.http.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.http.machines.MachineDirectory;

/**
 * The write side of the machine registry (the list is {@link MachineDirectory}). Writes fail with
 * {@link RegistryRejection}.
 */
public interface MachineRegistry {
  CompletionStage<Optional<Entry>> byId(UUID id);

  /** {@code id} null: generated. */
  CompletionStage<Entry> create(UUID id, Input input);

  /** Replaces every settable field. Empty when there is no such machine. */
  CompletionStage<Optional<Entry>> update(UUID id, Input input);

  /** Empty when there is no such machine. Deactivating keeps the machine's history. */
  CompletionStage<Optional<Entry>> setActive(UUID id, boolean active);

  /**
   * What a client sets on a machine. The factory is {@code factoryId}, or {@code factoryName} when
   * the id is null.
   *
   * @param ratedPowerKw nameplate electrical power, kW
   * @param dataIntervalSeconds how often the machine reports, s
   * @param energySources by energy-source name; a null unit means the source's own
   * @param ratedCurrentA nameplate current, A
   * @param ratedVoltageV nameplate voltage, V
   */
  record Input(
      UUID factoryId,
      String factoryName,
      String name,
      String type,
      double ratedPowerKw,
      int dataIntervalSeconds,
      List<SourceInput> energySources,
      UUID tariffId,
      String description,
      String manufacturer,
      String model,
      String locationInFactory,
      String mqttTopic,
      boolean isCritical,
      Double ratedCurrentA,
      Double ratedVoltageV) {}

  /**
   * @param unit the unit the machine reports this source in; null for the source's own
   */
  record SourceInput(String name, String unit) {}

  /** One energy source of a machine, as the API shows it. */
  record SourceEntry(UUID energySourceId, String name, String unit) {}

  /** A machine with everything the registry holds about it. */
  record Entry(
      UUID id,
      UUID factoryId,
      String factoryName,
      String name,
      String type,
      double ratedPowerKw,
      int dataIntervalSeconds,
      List<SourceEntry> energySources,
      UUID tariffId,
      String description,
      String manufacturer,
      String model,
      String locationInFactory,
      String mqttTopic,
      boolean isCritical,
      Double ratedCurrentA,
      Double ratedVoltageV,
      boolean isActive,
      Instant createdAt,
      Instant updatedAt) {
    public Input toInput() {
      return new Input(
          factoryId,
          null,
          name,
          type,
          ratedPowerKw,
          dataIntervalSeconds,
          energySources.stream().map(s -> new SourceInput(s.name(), s.unit())).toList(),
          tariffId,
          description,
          manufacturer,
          model,
          locationInFactory,
          mqttTopic,
          isCritical,
          ratedCurrentA,
          ratedVoltageV);
    }
  }
}
