package org.enms.http.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Significant energy uses (ISO 50001). Writes fail with {@link RegistryRejection}. */
public interface SeuRegistry {
  /** Ordered by name; {@code energySource} filters by source name, ignoring case. */
  CompletionStage<List<Entry>> list(Optional<String> energySource, Optional<Boolean> active);

  CompletionStage<Optional<Entry>> byId(UUID id);

  /** The SEU's machines, ordered by name. */
  CompletionStage<List<MachineRef>> machinesOf(UUID id);

  CompletionStage<Entry> create(UUID id, Input input);

  CompletionStage<Optional<Entry>> update(UUID id, Input input);

  CompletionStage<Optional<Entry>> setActive(UUID id, boolean active);

  /**
   * The energy source is {@code energySourceId}, or {@code energySourceName} when the id is null.
   *
   * @param baselineYear 2020..2100, or null
   */
  record Input(
      String name,
      String description,
      UUID energySourceId,
      String energySourceName,
      List<UUID> machineIds,
      Integer baselineYear) {}

  /**
   * An SEU as stored, with its energy source's name and unit.
   *
   * @param rSquared fit of its trained baseline; null until one is trained
   */
  record Entry(
      UUID id,
      String name,
      String description,
      UUID energySourceId,
      String energySource,
      String unit,
      List<UUID> machineIds,
      Integer baselineYear,
      Double rSquared,
      boolean isActive,
      Instant createdAt,
      Instant updatedAt) {
    public Input toInput() {
      return new Input(name, description, energySourceId, null, machineIds, baselineYear);
    }
  }

  /**
   * @param ratedPowerKw nameplate electrical power, kW
   */
  record MachineRef(UUID id, String name, String type, double ratedPowerKw) {}
}
