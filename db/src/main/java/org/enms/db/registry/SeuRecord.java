package org.enms.db.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A significant energy use as stored, with its energy source's name and unit.
 *
 * @param rSquared fit of its trained baseline, null until one is trained
 */
public record SeuRecord(
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

  /** The fields a caller can set, as they are now (the base of a partial update). */
  public SeuDraft toDraft() {
    return new SeuDraft(name, description, energySourceId, machineIds, baselineYear);
  }
}
