package org.enms.simulator.physics;

import java.util.List;

/**
 * One tick of a machine model.
 *
 * @param powerKw electrical power drawn, kW, anomaly included
 * @param operatingMode {@code running} or {@code idle}
 * @param productionCount units produced this tick
 * @param messages the energy, production and environmental bodies to publish, in order
 */
public record Sample(
    double powerKw, String operatingMode, long productionCount, List<Message> messages) {}
