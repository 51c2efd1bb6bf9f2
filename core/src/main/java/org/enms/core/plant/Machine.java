package org.enms.core.plant;

import java.util.UUID;

/**
 * A metered machine as registered in the plant.
 *
 * @param ratedPowerKw nameplate electrical power, kW
 * @param intervalSeconds how often the machine reports, s
 * @param mqttTopic topic prefix the machine publishes under, without the data-type segment
 */
public record Machine(
    UUID id,
    UUID factoryId,
    String name,
    MachineType type,
    double ratedPowerKw,
    int intervalSeconds,
    String mqttTopic,
    boolean critical,
    String manufacturer,
    String model,
    double ratedCurrentA,
    String locationInFactory) {}
