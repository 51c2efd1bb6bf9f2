package org.enms.db.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * A factory as stored.
 *
 * @param activeMachines machines of this factory that are active now
 */
public record FactoryRecord(
    UUID id,
    String name,
    String location,
    String timezone,
    boolean isActive,
    long activeMachines,
    Instant createdAt,
    Instant updatedAt) {}
