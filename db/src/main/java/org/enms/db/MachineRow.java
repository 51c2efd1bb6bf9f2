package org.enms.db;

import java.util.UUID;

/**
 * A machine with its factory, as stored.
 *
 * @param type wire name of the machine type ({@code compressor}, {@code hvac}, ...)
 * @param ratedPowerKw nameplate power, kW
 * @param dataIntervalSeconds how often the machine reports, s
 */
public record MachineRow(
    UUID id,
    UUID factoryId,
    String name,
    String type,
    double ratedPowerKw,
    boolean isActive,
    String factoryName,
    String factoryLocation,
    int dataIntervalSeconds) {}
