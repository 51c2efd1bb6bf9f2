package org.enms.simulator.physics;

import java.util.Map;
import org.enms.core.reading.DataType;

/**
 * The type-specific body of one MQTT message of one tick, before the machine adds its id, the
 * timestamp and the meter register.
 *
 * @param fields JSON fields in publishing order, numbers already rounded
 * @param energyKwh energy this message accounts for, kWh (kWh equivalent for gas and steam); 0 for
 *     messages that are not energy readings
 */
public record Message(DataType dataType, Map<String, Object> fields, double energyKwh) {

  public static Message of(DataType dataType, Map<String, Object> fields) {
    return new Message(dataType, fields, 0.0);
  }
}
