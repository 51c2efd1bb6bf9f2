package org.enms.machine.event;

import java.time.Instant;
import java.util.UUID;

/** A recorded anomaly ended: the machine is normal again, or someone resolved it. */
public record AnomalyResolved(
    UUID anomalyId, UUID machineId, UUID factoryId, Instant time, String explanation)
    implements MachineEvent {
  @Override
  public String type() {
    return "anomaly.resolved";
  }
}
