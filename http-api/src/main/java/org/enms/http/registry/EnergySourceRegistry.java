package org.enms.http.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Energy sources: read and written without blocking the caller. Writes fail with {@link
 * RegistryRejection}.
 */
public interface EnergySourceRegistry {
  /** Ordered by name. */
  CompletionStage<List<Entry>> list(Optional<Boolean> active);

  /** By id when {@code key} is a UUID, else by name. */
  CompletionStage<Optional<Entry>> find(String key);

  CompletionStage<Entry> create(UUID id, Input input);

  CompletionStage<Optional<Entry>> update(UUID id, Input input);

  CompletionStage<Optional<Entry>> setActive(UUID id, boolean active);

  /**
   * @param costPerUnit price per {@code unit}
   * @param carbonFactor kg CO₂ per {@code unit}
   */
  record Input(
      String name, String unit, Double costPerUnit, Double carbonFactor, String description) {}

  /** An energy source as the API shows it (the original's fields plus timestamps). */
  record Entry(
      UUID id,
      String name,
      String unit,
      Double costPerUnit,
      Double carbonFactor,
      String description,
      boolean isActive,
      Instant createdAt,
      Instant updatedAt) {
    public Input toInput() {
      return new Input(name, unit, costPerUnit, carbonFactor, description);
    }
  }
}
