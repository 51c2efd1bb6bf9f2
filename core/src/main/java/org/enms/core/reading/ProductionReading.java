package org.enms.core.reading;

import java.time.Instant;
import java.util.UUID;

/**
 * Units produced in the interval ending at {@code time}.
 *
 * @param throughputUnitsPerHour units/h
 * @param speedPercent 0–100 % of nominal speed, or null
 */
public record ProductionReading(
    UUID machineId,
    Instant time,
    long productionCount,
    long productionCountGood,
    long productionCountBad,
    Double throughputUnitsPerHour,
    String operatingMode,
    Double speedPercent,
    String recipeId,
    String metadataJson)
    implements Reading {}
