package org.enms.db.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * An energy source as stored.
 *
 * @param costPerUnit price per {@code unit}
 * @param carbonFactor kg CO₂ per {@code unit}
 */
public record EnergySourceRecord(
    UUID id,
    String name,
    String unit,
    Double costPerUnit,
    Double carbonFactor,
    String description,
    boolean isActive,
    Instant createdAt,
    Instant updatedAt) {}
