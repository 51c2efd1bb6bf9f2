package org.enms.machine.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A baseline model was trained and is now the active one for the machine's energy type; the
 * machine's entity swaps it in without a restart.
 */
public record BaselineTrained(
    UUID modelId,
    UUID machineId,
    UUID factoryId,
    Instant time,
    String energyType,
    int version,
    double rSquared)
    implements MachineEvent {
  @Override
  public String type() {
    return "baseline.trained";
  }
}
