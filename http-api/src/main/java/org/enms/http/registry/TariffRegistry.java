package org.enms.http.registry;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Tariff versions: listed, read and added (never changed or deleted: a new version replaces the
 * previous one from its start). Writes fail with {@link RegistryRejection}.
 */
public interface TariffRegistry {
  /** By factory, energy source, name and start. */
  CompletionStage<List<Entry>> list(Optional<UUID> factory, Optional<String> energySource);

  CompletionStage<Optional<Entry>> find(UUID id);

  /**
   * Adds a version. When it starts where intervals are already priced, {@code repriceHistory} must
   * be set: those intervals are then priced again at the versions in force now.
   */
  CompletionStage<Created> create(Input input);

  /**
   * A new version.
   *
   * @param factoryId or {@code factory} by name
   * @param currency null for the factory's billing currency (USD for a factory without tariffs)
   */
  record Input(
      UUID id,
      UUID factoryId,
      String factory,
      String energySource,
      String name,
      String kind,
      double ratePerKwh,
      String currency,
      Integer startHour,
      Integer endHour,
      List<Integer> applicableDays,
      Double demandChargePerKw,
      LocalDate validFrom,
      String description,
      boolean repriceHistory) {}

  /**
   * A tariff version as the API shows it.
   *
   * @param version 1 for the earliest version of its name, then 2, 3 …
   * @param supersededOn the next version's start, or null
   */
  record Entry(
      UUID id,
      UUID factoryId,
      String factoryName,
      String energySource,
      String name,
      int version,
      String kind,
      double ratePerKwh,
      String currency,
      Integer startHour,
      Integer endHour,
      List<Integer> applicableDays,
      Double demandChargePerKw,
      LocalDate validFrom,
      LocalDate supersededOn,
      LocalDate validTo,
      String description,
      boolean isActive,
      Instant createdAt) {}

  /** A created version and how many priced intervals were priced again for it (0 unless asked). */
  record Created(@JsonUnwrapped Entry tariff, int repricedIntervals) {}
}
