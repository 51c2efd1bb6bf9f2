package org.enms.simulator.plant;

import java.util.Map;

/**
 * One MQTT message a simulated machine wants published.
 *
 * @param payload JSON fields in publishing order
 */
public record MachineMessage(String topic, Map<String, Object> payload, boolean retained) {}
