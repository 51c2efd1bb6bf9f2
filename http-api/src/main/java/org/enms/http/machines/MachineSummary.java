package org.enms.http.machines;

import java.util.UUID;

/** A machine as {@code GET /api/v1/machines} lists it (the original's fields). */
public record MachineSummary(
    UUID id,
    UUID factoryId,
    String name,
    String type,
    double ratedPowerKw,
    boolean isActive,
    String factoryName,
    String factoryLocation) {}
