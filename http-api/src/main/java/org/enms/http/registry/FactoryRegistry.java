package org.enms.http.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Factories: read and written without blocking the caller. Writes fail with {@link
 * RegistryRejection}.
 */
public interface FactoryRegistry {
  /** Ordered by name. */
  CompletionStage<List<Entry>> list(Optional<Boolean> active);

  CompletionStage<Optional<Entry>> byId(UUID id);

  /** {@code id} null: generated. */
  CompletionStage<Entry> create(UUID id, Input input);

  /** Empty when there is no such factory. */
  CompletionStage<Optional<Entry>> update(UUID id, Input input);

  /** Empty when there is no such factory; deactivating one with active machines is a conflict. */
  CompletionStage<Optional<Entry>> setActive(UUID id, boolean active);

  /**
   * @param timezone IANA zone id; null for UTC
   */
  record Input(String name, String location, String timezone) {}

  /** A factory as the API shows it. */
  record Entry(
      UUID id,
      String name,
      String location,
      String timezone,
      boolean isActive,
      long activeMachines,
      Instant createdAt,
      Instant updatedAt) {
    public Input toInput() {
      return new Input(name, location, timezone);
    }
  }
}
