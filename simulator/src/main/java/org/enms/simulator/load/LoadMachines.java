package org.enms.simulator.load;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids and topics of the synthetic load machines, derived from their index so runs are repeatable.
 */
public final class LoadMachines {
  public static final String FACTORY_PREFIX = "factory/load";

  private LoadMachines() {}

  /** The name-based (type 3) UUID of {@code load-machine-N}. */
  public static UUID machineId(int index) {
    return UUID.nameUUIDFromBytes(("load-machine-" + index).getBytes(StandardCharsets.UTF_8));
  }

  /** The steady base load a machine's readings are drawn around (±5 %), 10–100 kW. */
  public static double baseLoadKw(UUID machineId) {
    return 10 + Math.floorMod(machineId.hashCode(), 91);
  }

  public static String energyTopic(UUID machineId) {
    return FACTORY_PREFIX + "/" + machineId + "/energy";
  }

  public static String gatewayId(int connection) {
    return "gateway-" + connection;
  }

  public static String batchTopic(int connection) {
    return FACTORY_PREFIX + "/" + gatewayId(connection) + "/batch";
  }
}
